// A throwaway PostgreSQL 15 cluster that can be stopped and started again
// (for the outage test). Runs as the `postgres` OS user when we are root.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.PG15_BIN ?? '/usr/lib/postgresql/15/bin';
const asOwner = (cmd, args) =>
  process.getuid() === 0
    ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], {
        stdio: 'pipe',
      })
    : execFileSync(cmd, args, { stdio: 'pipe' });

export function freePort() {
  return new Promise(resolve => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'reliability-pg-'));
  if (process.getuid() === 0) execFileSync('chown', ['postgres:', dir]);
  const port = await freePort();
  asOwner(`${BIN}/initdb`, [
    '-D',
    `${dir}/data`,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off`;
  const start = () =>
    asOwner(`${BIN}/pg_ctl`, [
      '-D',
      `${dir}/data`,
      '-o',
      options,
      '-l',
      `${dir}/log`,
      '-w',
      'start',
    ]);
  const stop = () =>
    asOwner(`${BIN}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}`,
    port,
    start,
    stop,
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
