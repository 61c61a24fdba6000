import { spawnSync } from 'child_process';
import path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../..');

describe('src/generated', () => {
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
