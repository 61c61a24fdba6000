import { spawnSync } from 'child_process';
import path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');

// One check for both generated folders: this package's client and the
// backend's typed router (plugins/customer-reporting-backend/src/schema).
describe('the generated client and router', () => {
  it('is what yarn generate:openapi makes of the spec (no hand edits, no stale files)', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts/openapi/generate.mjs'), '--check'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    // On failure stderr names every file that differs from the spec's output.
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
});
