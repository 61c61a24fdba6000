/*
 * A fixed single-threaded CPU task timed at the start of every bench run,
 * so runs on different days can be compared: this machine's speed has
 * varied about threefold between sessions with the code unchanged, and
 * the load average alone does not show it.
 */
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const ROUNDS = 5;
const REPEATS = 200;

/** A report-shaped value: 50 instances with 14 days of uptime each. */
function reportShaped() {
  return Array.from({ length: 50 }, (_, i) => ({
    id: `instance-${i}`,
    status: i % 7 ? 'ready' : 'degraded',
    version: `1.${i % 9}.${i % 4}`,
    lastCheckInAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    uptime: Array.from({ length: 14 }, (__, d) => ({
      day: `2026-01-${String(d + 1).padStart(2, '0')}`,
      up: ((i * 31 + d * 17) % 100) / 100,
      degraded: ((i + d) % 5) / 100,
    })),
  }));
}

/**
 * Median ms, over 5 rounds after one untimed, of 200 times what a report
 * answer costs the backend in JavaScript: JSON.stringify, JSON.parse and a
 * level-1 gzip of a 50-instance value. Lower is faster.
 */
export function referenceWorkMs() {
  const value = reportShaped();
  const round = () => {
    const start = performance.now();
    for (let i = 0; i < REPEATS; i++) {
      const text = JSON.stringify(value);
      JSON.parse(text);
      gzipSync(text, { level: 1 });
    }
    return performance.now() - start;
  };
  round();
  const times = Array.from({ length: ROUNDS }, round).sort((a, b) => a - b);
  return +times[Math.floor(ROUNDS / 2)].toFixed(1);
}

/** The figure as the docs print it, after a run's load average; '' for older results. */
export function referenceWorkText(result) {
  return result.referenceWorkMs === undefined
    ? ''
    : `; reference CPU task ${result.referenceWorkMs} ms (bench/machineSpeed.mjs, lower is faster)`;
}
