/*
 * The result list every e2e script keeps: prints each test as it ends and,
 * at the end, `<label>: N passed, N failed` plus {passed, failed, skipped,
 * seconds, tests} as JSON to $E2E_RESULT_FILE, which scripts/test.sh adds to
 * the run's totals.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A result list for one e2e script; `label` starts its summary line. */
export function createResults(label) {
  const started = Date.now();
  const tests = []; // { name, ok, skipped, error?, ms? }

  /**
   * Records a test that took `ms` (optional). The first result for a name
   * wins: a signal or a timeout may report a test as failed while it is
   * still running.
   */
  function record(name, ok, error, ms, skipped = false) {
    if (tests.some(t => t.name === name)) return;
    tests.push({
      name,
      ok,
      skipped,
      error: error ? String(error) : undefined,
      ms,
    });
    const took = ms === undefined ? '' : ` (${Math.round(ms / 1000)}s)`;
    if (skipped) console.log(`  - SKIP ${name}: ${error}`);
    else if (ok) console.log(`  ✓ PASS ${name}${took}`);
    else
      console.log(
        `  ✗ FAIL ${name}\n      ${String(error).split('\n').join('\n      ')}`,
      );
  }

  /** Records every name in `names` that has no result yet as failed. */
  function failUnfinished(names, reason) {
    for (const name of names) record(name, false, reason);
  }

  /** Prints the summary, writes $E2E_RESULT_FILE; returns the failures. */
  function summarize() {
    const passed = tests.filter(t => t.ok && !t.skipped).length;
    const skipped = tests.filter(t => t.skipped).length;
    const failed = tests.filter(t => !t.ok && !t.skipped).length;
    const seconds = Math.round((Date.now() - started) / 1000);
    const file = process.env.E2E_RESULT_FILE;
    if (file) {
      try {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        fs.writeFileSync(
          file,
          JSON.stringify({ passed, failed, skipped, seconds, tests }, null, 2),
        );
      } catch (e) {
        console.error(`[${label}] could not write ${file}: ${e.message}`);
      }
    }
    console.log(
      `${label}: ${passed} passed, ${failed} failed${
        skipped ? `, ${skipped} skipped` : ''
      } (${seconds}s)`,
    );
    return failed;
  }

  return { tests, record, failUnfinished, summarize };
}
