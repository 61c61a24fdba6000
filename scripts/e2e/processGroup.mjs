/*
 * Child processes of the e2e scripts, each in its own process group so that
 * stopping one stops everything it started (a backend, its PostgreSQL).
 */
import { spawn } from 'node:child_process';

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Starts `command args` in a new process group; `onOutput` gets its stdout
 * and stderr as text without colour codes. `child.exited` resolves to the
 * exit code (-1 for a signal).
 */
export function startInGroup(command, args, { cwd, env = {}, onOutput }) {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  // Some tools colour their output whatever the environment says.
  const onData = chunk =>
    // eslint-disable-next-line no-control-regex
    onOutput(chunk.toString().replace(/\x1b\[[0-9;]*m/g, ''));
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.exited = new Promise(resolve =>
    child.on('exit', code => resolve(code ?? -1)),
  );
  return child;
}

/** Stops a process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopGroup(child, graceMs = 30000) {
  const pgid = child?.pid;
  if (pgid === undefined) return;
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (const [signal, waitMs] of [
    ['SIGTERM', graceMs],
    ['SIGKILL', 5000],
  ]) {
    if (!alive()) return;
    try {
      process.kill(-pgid, signal);
    } catch {
      return; // gone meanwhile
    }
    const deadline = Date.now() + waitMs;
    while (alive() && Date.now() < deadline) await sleep(250);
  }
}
