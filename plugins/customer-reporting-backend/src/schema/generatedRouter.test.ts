import { spawnSync } from 'child_process';
import path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

describe('src/schema/openapi/generated', () => {
  it('is what yarn generate:openapi makes of openapi.yaml (run it after editing the spec)', () => {
    // The same check as -common's: it covers the router and the client.
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
