import { execFileSync } from 'child_process';
import path from 'path';

jest.setTimeout(240_000);

const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The frontend's users of the generated client: its wrapper and a page. */
const FRONTEND = path.join(REPO_ROOT, 'plugins/customer-reporting/src');
const CLIENT_FILE = path.join(FRONTEND, 'api/CustomerReportingClient.ts');
const SUMMARY_CARD = path.join(
  FRONTEND,
  'components/InstallAttempts/SummaryCard.tsx',
);

/** Where in the spec to put which value (a JSON path, then the value). */
type SpecChange = [string[], unknown];

/**
 * The type errors of the files when the client is generated from the spec
 * with `set` applied (scripts/openapi/contractCheck.mjs: in memory, the tree
 * stays as it is).
 */
function typeErrors(set: SpecChange[], rootFiles: string[]): string[] {
  const output = execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts/openapi/contractCheck.mjs')],
    {
      input: JSON.stringify({
        set,
        rootFiles,
      }),
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const { errors } = JSON.parse(output.toString('utf8'));
  return errors.map(
    (e: { file: string; message: string }) => `${e.file}: ${e.message}`,
  );
}

describe('the frontend is typed by openapi.yaml through the generated client', () => {
  it('compiles against the spec as it is', () => {
    expect(typeErrors([], [CLIENT_FILE, SUMMARY_CARD])).toEqual([]);
  });

  it('fails to compile when an answer schema changes (the success rate becomes a string)', () => {
    const successRate = [
      'components',
      'schemas',
      'InstallAttemptSummary',
      'properties',
      'successRate',
    ];
    const asString = { type: ['string', 'null'] };
    expect(typeErrors([[successRate, asString]], [SUMMARY_CARD])).toEqual([
      expect.stringMatching(
        /^plugins\/customer-reporting\/src\/components\/InstallAttempts\/SummaryCard\.tsx: Argument of type 'string' is not assignable to parameter of type 'number'/,
      ),
    ]);
  });

  it('fails to compile when an operation the client calls is renamed', () => {
    const operationId = [
      'paths',
      '/v1/install-attempts/summary',
      'get',
      'operationId',
    ];
    const renamed: SpecChange = [operationId, 'SummariseInstallAttempts'];
    const errors = typeErrors([renamed], [CLIENT_FILE]);
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^plugins\/customer-reporting\/src\/api\/CustomerReportingClient\.ts: Property 'getInstallAttemptSummary' does not exist on type 'CustomerReportingApiClient'/,
      ),
    );
    // ...and nowhere else: the method's answer is all that changed.
    expect(
      errors.filter(e => !e.includes('/api/CustomerReportingClient.ts:')),
    ).toEqual([]);
  });
});
