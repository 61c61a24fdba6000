// Starts a real dev backend (packages/backend) on a port, against a database,
// and waits for "Plugin initialization complete" in its log.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';

export async function startBackend({
  repoRoot,
  port,
  pgUrl,
  logFile,
  timeoutMs = 240_000,
}) {
  writeFileSync(logFile, '');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn('yarn', ['start'], {
    cwd: `${repoRoot}/packages/backend`,
    detached: true,
    env: {
      ...process.env,
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_baseUrl: `http://localhost:${port}`,
      APP_CONFIG_backend_database_client: 'pg',
      APP_CONFIG_backend_database_connection: pgUrl,
      APP_CONFIG_customerReporting_demo_enabled: 'false',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const text = readFileSync(logFile, 'utf8');
    if (/Plugin initialization complete/.test(text)) {
      return {
        port,
        pid: child.pid,
        log: logFile,
        stop: () => process.kill(-child.pid, 'SIGTERM'),
      };
    }
    if (child.exitCode !== null) {
      throw new Error(`backend on ${port} exited:\n${text.slice(-3000)}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  process.kill(-child.pid, 'SIGTERM');
  throw new Error(`backend on ${port} did not start in time`);
}
