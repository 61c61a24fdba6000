/*
 * CPU time of the PostgreSQL server the bench talks to, read from /proc: on
 * a 2-core machine the server competes with the backend for the CPU, so its
 * cost per check-in belongs beside the backend's. The server is found as
 * the parent (postmaster) of a backend we connect to; its time is its own,
 * that of its live children (backends, WAL writer, checkpointer) and that
 * of the children it has already reaped (cutime/cstime). Linux only, and
 * only for a server on this machine; otherwise `undefined`.
 */
import fs from 'node:fs';
import { knexFactory } from './measure.mjs';

/** utime, stime, cutime, cstime of /proc/<pid>/stat, in clock ticks. */
function times(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces: fields start after its ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    ppid: Number(fields[1]),
    own: Number(fields[11]) + Number(fields[12]),
    reaped: Number(fields[13]) + Number(fields[14]),
  };
}

/** Returns a function that reads the server's CPU seconds so far. */
export async function pgServerCpu(pgUrl) {
  const knex = knexFactory({ client: 'pg', connection: pgUrl });
  try {
    const { rows } = await knex.raw('select pg_backend_pid() as pid');
    const postmaster = times(rows[0].pid).ppid;
    // Linux's USER_HZ, which /proc reports times in, is 100.
    const TICKS = 100;
    return () => {
      const root = times(postmaster);
      let ticks = root.own + root.reaped;
      for (const entry of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const child = times(entry);
          if (child.ppid === postmaster) ticks += child.own;
        } catch {
          // exited between readdir and read: its time is in `reaped` now
        }
      }
      return ticks / TICKS;
    };
  } catch {
    return undefined;
  } finally {
    await knex.destroy();
  }
}
