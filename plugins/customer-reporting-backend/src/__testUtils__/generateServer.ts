import { execFileSync } from 'child_process';
import path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const SPEC_FILE = path.join(__dirname, '../schema/openapi.yaml');
export const GENERATED_DIR = path.join(
  __dirname,
  '../schema/openapi/generated',
);

/**
 * What `yarn generate:openapi` writes to src/schema/openapi/generated for a
 * spec's YAML text, by the same script (an ES module, hence a child node).
 */
export function generateServerFiles(specText: string): Record<string, string> {
  const script = path.join(REPO_ROOT, 'scripts/openapi/generateServer.mjs');
  const output = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { serverFiles } from ${JSON.stringify(script)};
       let text = '';
       for await (const chunk of process.stdin) text += chunk;
       process.stdout.write(JSON.stringify(await serverFiles(text)));`,
    ],
    { input: specText, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output.toString('utf8'));
}
