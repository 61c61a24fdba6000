/**
 * Proof that the spec types its users: the type errors of some source files
 * when the server and client are generated from another spec text (a mutated
 * copy), compiled the way `yarn tsc` does. The generated files are replaced in
 * memory only, so the tree is left alone.
 *
 * Used by tests through a child node (this is an ES module):
 *   stdin  {"set": [[["components", "schemas", "X", ...], value], ...],
 *           "rootFiles": ["/abs/file.ts", ...]}
 *   stdout {"errors": [{"file": "repo/relative.ts", "message": "..."}, ...]}
 * where `set` assigns values inside the parsed spec before generating.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import YAML from 'yaml';
import { REPO_ROOT, SPEC_PATH, TARGETS } from './generate.mjs';

/** Absolute path -> source of every file the spec text generates. */
async function generatedSources(specText) {
  const sources = new Map();
  for (const { dir, files } of TARGETS) {
    for (const [name, text] of Object.entries(await files(specText))) {
      sources.set(path.join(dir, name), text);
    }
  }
  return sources;
}

/** The semantic errors of `rootFiles` with the generated files replaced. */
export async function contractTypeErrors(specText, rootFiles) {
  const sources = await generatedSources(specText);
  const { config } = ts.readConfigFile(
    path.join(REPO_ROOT, 'tsconfig.json'),
    ts.sys.readFile,
  );
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT);
  const compilerOptions = { ...options, noEmit: true, incremental: false };
  const host = ts.createCompilerHost(compilerOptions);
  const { getSourceFile, fileExists, readFile } = host;
  const replaced = fileName => sources.get(path.resolve(fileName));
  host.fileExists = fileName =>
    replaced(fileName) !== undefined || fileExists.call(host, fileName);
  host.readFile = fileName =>
    replaced(fileName) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const source = replaced(fileName);
    return source === undefined
      ? getSourceFile.call(host, fileName, languageVersion, ...rest)
      : ts.createSourceFile(fileName, source, languageVersion);
  };
  const program = ts.createProgram({
    rootNames: rootFiles,
    options: compilerOptions,
    host,
  });
  return rootFiles.flatMap(file =>
    program.getSemanticDiagnostics(program.getSourceFile(file)).map(d => ({
      file: path.relative(REPO_ROOT, d.file?.fileName ?? file),
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    })),
  );
}

/** The spec's YAML text with each `[path, value]` of `set` assigned. */
export function mutatedSpec(set = []) {
  const spec = YAML.parse(fs.readFileSync(SPEC_PATH, 'utf8'));
  for (const [keys, value] of set) {
    const parent = keys.slice(0, -1).reduce((node, key) => node[key], spec);
    parent[keys[keys.length - 1]] = value;
  }
  return YAML.stringify(spec);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const input = JSON.parse(fs.readFileSync(0, 'utf8'));
  const specText = mutatedSpec(input.set);
  const errors = await contractTypeErrors(specText, input.rootFiles);
  process.stdout.write(JSON.stringify({ errors }));
}
