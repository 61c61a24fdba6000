import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import YAML from 'yaml';
import {
  GENERATED_DIR,
  generateServerFiles,
  SPEC_FILE,
} from '../__testUtils__/generateServer';

jest.setTimeout(240_000);

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const ROUTER_FILE = path.join(GENERATED_DIR, 'router.ts');
/** A route file whose answers the spec types; the list's is mutated below. */
const ROUTES_FILE = path.resolve(__dirname, '../service/customerRoutes.ts');

/**
 * The type errors of the route file when the generated router is `source`,
 * compiled the way `yarn tsc` does; the generated file is replaced in memory
 * only, so nothing in the tree changes.
 */
function routeTypeErrors(source: string): string[] {
  const configFile = path.join(REPO_ROOT, 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT);
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    path.resolve(fileName) === ROUTER_FILE
      ? ts.createSourceFile(fileName, source, languageVersion)
      : getSourceFile(fileName, languageVersion, ...rest);
  const program = ts.createProgram({
    rootNames: [ROUTES_FILE],
    options: { ...options, noEmit: true, incremental: false },
    host,
  });
  return program
    .getSemanticDiagnostics(program.getSourceFile(ROUTES_FILE))
    .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the router is typed by openapi.yaml', () => {
  const specText = fs.readFileSync(SPEC_FILE, 'utf8');

  it('compiles against the spec as it is', () => {
    expect(routeTypeErrors(generateServerFiles(specText)['router.ts'])).toEqual(
      [],
    );
  });

  it('fails to compile when an answer schema changes (the customer list total becomes a string)', () => {
    const spec = YAML.parse(specText);
    spec.components.schemas.CustomerListResponse.properties.totalCount = {
      type: 'string',
    };
    const errors = routeTypeErrors(
      generateServerFiles(YAML.stringify(spec))['router.ts'],
    );
    // The list's answer (totalCount: number) no longer fits the spec's.
    expect(errors).toEqual([
      expect.stringMatching(
        /^Argument of type '\{ items: CustomerSummary\[\]; totalCount: number;[^]*totalCount: string;/,
      ),
    ]);
  });
});
