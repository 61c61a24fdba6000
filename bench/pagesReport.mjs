/*
 * The page timings (bench/pages.mjs) as a Markdown table: printed by the
 * run and rebuilt into docs/benchmarks.md from bench/results/pages-*.json
 * by report.mjs's writeDocs, so a later `yarn bench` keeps them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { referenceWorkText } from './machineSpeed.mjs';

/** Issue #20's targets: content visible within these times. */
export const TARGETS = { warmMs: 1000, coldMs: 2500 };

const ms = v => `${Math.round(v)}`;
const kib = bytes => `${(bytes / 1024).toFixed(0)} KiB`;
const steps = s =>
  `${ms(s.scriptsEnd)} / ${ms(s.dataStart)} / ${ms(s.dataEnd)}`;
const verdict = (stats, target) => (stats.p95 < target ? 'yes' : 'no');

export function pagesTable(result) {
  const rows = result.pages.map(p =>
    [
      p.name,
      `${ms(p.cold.p50)} / ${ms(p.cold.p95)}`,
      verdict(p.cold, TARGETS.coldMs),
      `${ms(p.warm.p50)} / ${ms(p.warm.p95)}`,
      verdict(p.warm, TARGETS.warmMs),
      `${kib(p.coldScripts.encoded)} (${p.coldScripts.files} files, ${kib(
        p.coldScripts.decoded,
      )} decoded)`,
      kib(p.warmScripts.transferred),
      `${steps(p.cold)} · ${steps(p.warm)}`,
    ].join(' | '),
  );
  return [
    `| page | cold p50 / p95 ms | p95 < ${TARGETS.coldMs} ms | warm p50 / p95 ms | p95 < ${TARGETS.warmMs} ms | JavaScript fetched, cold | JavaScript transferred, warm | p50 ms of last script fetched / first data request sent / last answered, cold · warm |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(r => `| ${r} |`),
  ].join('\n');
}

/** The "Page timings" section of docs/benchmarks.md, or [] without results. */
export function pagesSection(resultsDir) {
  return fs
    .readdirSync(resultsDir)
    .filter(f => /^pages-[SML]\.json$/.test(f))
    .flatMap(f => {
      const r = JSON.parse(fs.readFileSync(path.join(resultsDir, f), 'utf8'));
      return [
        `## Page timings, size ${r.size}`,
        '',
        `- Command: \`${r.command}\` (finished ${r.finished}); the production build (scripts/prod-build.sh, scripts/prod-start.sh: NODE_ENV=production, PostgreSQL 15) with ${r.fleet.customers} customers, ${r.fleet.instances} instances, ${r.fleet.days} days of check-ins and ${r.fleet.attempts} install attempts loaded through the API`,
        `- Configuration changed for the bench, by environment only: ${Object.entries(
          r.configurationChange,
        )
          .map(([k, v]) => `\`${k}=${v}\``)
          .join(', ')} (guest sign-in; nothing else)`,
        `- Chromium (headless, ${
          r.machine.nproc
        } CPUs), time from navigation start to the page's data being visible, p50 / p95 of ${
          r.loads
        } loads (p95 of 5 is the slowest); cold: a new browser context each load (empty cache, the guest signs in again); warm: the same context reloaded. Load average at the start ${r.loadAverageAtStart.join(
          ' / ',
        )}, at the end ${r.loadAverageAtEnd.join(' / ')}${referenceWorkText(
          r,
        )}`,
        '',
        pagesTable(r),
        '',
      ];
    });
}
