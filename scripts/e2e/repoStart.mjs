/*
 * A portal started with `yarn backstage-cli repo start` in its own process
 * group, as `npm start` does, for the e2e smoke test (this repository) and
 * the adopter test (a freshly scaffolded app). The dev backend keeps serving
 * when a plugin failed to start, so readiness is read from its log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startInGroup, stopGroup } from './processGroup.mjs';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
export const BACKEND_READY = 'Plugin initialization complete';
// Lines the backend logs when a plugin or module fails to start.
export const BACKEND_FAILURES = [
  /threw an error during startup/,
  /reported failure for module/,
  /Plugin '.*' startup failed/,
  /Backend failed to start/i,
  /EADDRINUSE/,
];
const RESTARTED = 'Change detected, restarting';
const sleep = ms => new Promise(r => setTimeout(r, ms));
const tail = (text, lines = 60) => text.split('\n').slice(-lines).join('\n');

/**
 * Starts the portal in `cwd` with the given config files (`repo start
 * --config` replaces the default files, so list app-config.yaml too), its
 * log written to `logFile`. Returns the handle the functions below take.
 */
export function startRepo({ cwd, configs, logFile }) {
  // toolchain.sh provides Node 22 and Yarn 4 to the app being started.
  const script = `source "${REPO_ROOT}/scripts/toolchain.sh" >&2 && exec yarn backstage-cli repo start "$@"`;
  const args = configs.flatMap(c => ['--config', c]);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const stream = fs.createWriteStream(logFile);
  const portal = { stream, log: '', exitInfo: null };
  portal.child = startInGroup('bash', ['-c', script, 'bash', ...args], {
    cwd,
    env: { BROWSER: 'none' },
    onOutput: text => {
      portal.log += text;
      if (portal.log.length > 4_000_000)
        portal.log = portal.log.slice(-2_000_000);
      stream.write(text);
    },
  });
  const { child } = portal;
  child.on('exit', (code, signal) => {
    portal.exitInfo = { code, signal };
  });
  return portal;
}

function failureIn(portal, text = portal.log) {
  const failure = BACKEND_FAILURES.find(re => re.test(text));
  return (
    failure &&
    new Error(
      `a backend plugin failed to start (${failure}); log tail:\n${tail(
        portal.log,
        80,
      )}`,
    )
  );
}

/**
 * Waits until every backend plugin has started and, with `frontendUrl`, the
 * dev server serves the compiled app; throws on a plugin failure or timeout.
 */
export async function waitForRepo(portal, { frontendUrl, timeoutMs, note }) {
  const deadline = Date.now() + timeoutMs;
  let backendReady = false;
  let frontendReady = !frontendUrl;
  let lastNote = Date.now();
  while (Date.now() < deadline) {
    if (portal.exitInfo)
      throw new Error(
        `the portal exited (${JSON.stringify(
          portal.exitInfo,
        )}) before it was ready; log tail:\n${tail(portal.log)}`,
      );
    if (failureIn(portal)) {
      await sleep(2000); // let the error's stack trace reach the log
      throw failureIn(portal);
    }
    if (!backendReady && portal.log.includes(BACKEND_READY)) {
      backendReady = true;
      note?.('backend: plugin initialization complete');
    }
    if (backendReady && !frontendReady) {
      // The dev server holds requests until the bundle is compiled.
      const res = await fetch(`${frontendUrl}/`, {
        signal: AbortSignal.timeout(120000),
      }).catch(() => undefined);
      const body = res?.ok ? await res.text() : '';
      if (/<div id="root"|<html/i.test(body)) {
        frontendReady = true;
        note?.('frontend: compiled and serving');
      }
    }
    if (backendReady && frontendReady) return;
    if (Date.now() - lastNote > 30000) {
      lastNote = Date.now();
      note?.(
        `waiting for the portal: backend ${
          backendReady ? 'ready' : 'starting'
        }, frontend ${frontendReady ? 'ready' : 'compiling'}`,
      );
    }
    await sleep(1000);
  }
  throw new Error(
    `the portal was not ready after ${timeoutMs / 1000}s (backend ${
      backendReady ? 'ready' : 'not ready'
    }, frontend ${frontendReady ? 'ready' : 'not ready'}); log tail:\n${tail(
      portal.log,
    )}`,
  );
}

/** Whether the dev backend restarted because its source files changed. */
export const restartedIn = portal => portal.log.includes(RESTARTED);

/**
 * When the dev backend restarted (it watches its sources), waits until it
 * has initialised its plugins again; a plugin failure after the restart is
 * final (`error.final`), not worth a retry.
 */
export async function waitAfterRestart(portal, { timeoutMs = 300000, note }) {
  const deadline = Date.now() + timeoutMs;
  let noted = false;
  while (Date.now() < deadline) {
    const restart = portal.log.lastIndexOf(RESTARTED);
    if (restart < 0) return;
    const after = portal.log.slice(restart);
    const failure = failureIn(portal, after);
    if (failure) {
      failure.final = true;
      throw failure;
    }
    if (after.includes(BACKEND_READY)) return;
    if (!noted) {
      noted = true;
      note?.('the dev backend is restarting (source files changed); waiting');
    }
    await sleep(1000);
  }
  throw new Error(
    `the restarted backend was not ready within ${timeoutMs / 1000}s`,
  );
}

/** Stops the portal's process group: SIGTERM, then SIGKILL after 10 s. */
export async function stopRepo(portal) {
  if (!portal) return;
  await stopGroup(portal.child, 10000);
  portal.stream.end();
}
