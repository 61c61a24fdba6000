import { execFileSync } from 'child_process';
import path from 'path';

jest.setTimeout(240_000);

const REPO_ROOT = path.resolve(__dirname, '../../../..');
/** A route file whose answers the spec types; the list's is mutated below. */
const ROUTES_FILE = path.resolve(__dirname, '../service/customerRoutes.ts');

/** Where in the spec to put which value (a JSON path, then the value). */
type SpecChange = [string[], unknown];

/**
 * The type errors of the route file when the router is generated from the
 * spec with `set` applied (scripts/openapi/contractCheck.mjs, which the
 * client's test uses too: in memory, the tree stays as it is).
 */
function routeTypeErrors(set: SpecChange[]): string[] {
  const output = execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts/openapi/contractCheck.mjs')],
    {
      input: JSON.stringify({ set, rootFiles: [ROUTES_FILE] }),
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(output.toString('utf8')).errors.map(
    (e: { file: string; message: string }) => `${e.file}: ${e.message}`,
  );
}

describe('the router is typed by openapi.yaml', () => {
  it('compiles against the spec as it is', () => {
    expect(routeTypeErrors([])).toEqual([]);
  });

  it('fails to compile when an answer schema changes (the customer list total becomes a string)', () => {
    const totalCount = [
      'components',
      'schemas',
      'CustomerListResponse',
      'properties',
      'totalCount',
    ];
    // The list's answer (totalCount: number) no longer fits the spec's.
    expect(routeTypeErrors([[totalCount, { type: 'string' }]])).toEqual([
      expect.stringMatching(
        /^plugins\/customer-reporting-backend\/src\/service\/customerRoutes\.ts: Argument of type '\{ items: CustomerSummary\[\]; totalCount: number;[^]*totalCount: string;/,
      ),
    ]);
  });
});
