/*
 * Preloaded into the backend by bench/catalogLoad.mjs (NODE_OPTIONS
 * --require): every BENCH_ELD_EVERY_MS (5 s) appends one JSON line to
 * BENCH_ELD_FILE with the event loop's delay over that window (p50, p99,
 * max, in ms, from perf_hooks.monitorEventLoopDelay) and the process's CPU
 * time in it, so that stalls can be lined up with the catalog's processing.
 */
const fs = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { isMainThread } = require('node:worker_threads');

const file = process.env.BENCH_ELD_FILE;
// Worker threads preload it too: only the main thread's loop serves requests.
if (file && isMainThread) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let cpu = process.cpuUsage();
  const ms = ns => +(ns / 1e6).toFixed(2);
  setInterval(() => {
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    fs.appendFileSync(
      file,
      `${JSON.stringify({
        at: Date.now(),
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        cpuMs: Math.round((used.user + used.system) / 1000),
      })}\n`,
    );
    histogram.reset();
  }, Number(process.env.BENCH_ELD_EVERY_MS ?? 5000)).unref();
}
