/*
 * Starts the real backend (packages/backend) against a given database,
 * waits until every plugin has started, and stops it again. It runs as
 * production does (NODE_ENV=production, no source-map stack traces, like
 * the image's CMD), from the repository's sources through the Backstage
 * CLI's TypeScript transform rather than a built bundle: figures are of the
 * runtime users run (development, for one, pretty-prints every JSON answer)
 * without building the image. Spawning node directly gives the pid of the
 * backend process itself, for the memory figures.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** What the figures are of, for docs/benchmarks.md. */
export const RUNTIME =
  'NODE_ENV=production, the sources through the Backstage CLI transform';

export const REPO = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const BACKEND_DIR = path.join(REPO, 'packages/backend');
const requireFromBackend = createRequire(
  path.join(BACKEND_DIR, 'package.json'),
);

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function nodeTransform() {
  for (const candidate of [
    '@backstage/cli-node/config/nodeTransform.cjs',
    '@backstage/cli/config/nodeTransform.cjs',
  ]) {
    try {
      return requireFromBackend.resolve(candidate);
    } catch {
      /* try the next */
    }
  }
  throw new Error('cannot find the Backstage CLI node transform');
}

/**
 * `extraConfig` is written to a further config file read last (it overrides
 * the generated one); `env` is added to the backend's environment.
 * @param {{db: 'sqlite'|'pg', workDir: string, pgUrl?: string, token: string, extraConfig?: object, env?: object}} o
 */
export async function startBackend(o) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const database =
    o.db === 'sqlite'
      ? {
          client: 'better-sqlite3',
          connection: { directory: path.join(o.workDir, 'sqlite') },
        }
      : { client: 'pg', connection: o.pgUrl };
  if (o.db === 'sqlite')
    fs.mkdirSync(database.connection.directory, { recursive: true });
  const config = {
    backend: {
      baseUrl,
      listen: { port, host: '127.0.0.1' },
      database,
      auth: {
        externalAccess: [
          { type: 'static', options: { token: o.token, subject: 'bench' } },
        ],
      },
    },
    // The search collator indexes every catalog entity (5,000 customers at
    // L) in this process every 10 minutes: keep it out of the measurements.
    search: {
      collators: {
        catalog: {
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 15 },
            initialDelay: { hours: 12 },
          },
        },
      },
    },
    customerReporting: {
      demo: { enabled: false },
      // Outside development the plugin refuses to start without a license
      // signing key of its own (productionSafety.ts): a fresh one per run.
      license: {
        signingKey: generateKeyPairSync('ed25519')
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      },
      // The customer entity refresh would otherwise run 15 s after start,
      // in the middle of the measurements.
      catalog: {
        schedule: {
          frequency: { hours: 24 },
          timeout: { minutes: 10 },
          initialDelay: { hours: 12 },
        },
      },
    },
  };
  // JSON is YAML.
  const configFile = path.join(o.workDir, `app-config.bench-${o.db}.yaml`);
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  const extraConfigArgs = [];
  if (o.extraConfig) {
    const extraFile = path.join(o.workDir, `app-config.extra-${o.db}.yaml`);
    fs.writeFileSync(extraFile, JSON.stringify(o.extraConfig, null, 2));
    extraConfigArgs.push('--config', extraFile);
  }
  const logFile = path.join(o.workDir, `backend-${o.db}.log`);
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      '--require',
      nodeTransform(),
      'src/index',
      '--config',
      path.join(REPO, 'app-config.yaml'),
      '--config',
      configFile,
      ...extraConfigArgs,
    ],
    {
      cwd: BACKEND_DIR,
      env: {
        ...process.env,
        ...o.env,
        NODE_ENV: 'production',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', log, log],
    },
  );
  let exited = null;
  child.on('exit', code => (exited = code ?? -1));
  const started = Date.now();
  const deadline = started + 180_000;
  for (;;) {
    if (exited !== null)
      throw new Error(
        `backend exited (${exited}) during start; see ${logFile}`,
      );
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(
        `backend did not finish initialising within 180 s; see ${logFile}`,
      );
    }
    const text = fs.readFileSync(logFile, 'utf8');
    if (/Plugin initialization complete/.test(text)) break;
    if (
      /Plugin '?customer-reporting'? startup failed|failed to initialize/i.test(
        text,
      )
    ) {
      child.kill('SIGTERM');
      throw new Error(`a plugin failed to start; see ${logFile}`);
    }
    await new Promise(r => setTimeout(r, 250));
  }
  const health = await fetch(`${baseUrl}/api/customer-reporting/health`);
  if (!health.ok)
    throw new Error(`health answered ${health.status}; see ${logFile}`);
  return {
    pid: child.pid,
    baseUrl,
    logFile,
    startSeconds: (Date.now() - started) / 1000,
    runtime: RUNTIME,
    async stop() {
      if (exited !== null) return;
      const done = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** VmRSS and VmHWM of a process, in MiB. */
export function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = key =>
    Number(
      (status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) ?? [])[1] ?? NaN,
    );
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Polls the RSS of `pid` every `everyMs` until stopped; returns the peak. */
export function sampleRss(pid, everyMs = 20) {
  let peak = 0;
  const tick = () => {
    try {
      peak = Math.max(peak, memoryOf(pid).rss);
    } catch {
      /* process gone */
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return peak;
    },
  };
}
