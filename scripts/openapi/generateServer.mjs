/**
 * Emits the backend's typed router from the OpenAPI spec, in the shape
 * `backstage-repo-tools package schema openapi generate --server` writes
 * (`src/schema/openapi/generated/router.ts`): the spec as a `const` literal
 * and `createOpenApiRouter`, a router from @backstage/backend-openapi-utils
 * that validates requests against the spec and types every handler's path
 * parameters, query, body and answer by it. Written here because
 * repo-tools' generator needs Java and a jar from Maven, which this project
 * cannot fetch.
 */
import { BANNER } from './generateClient.mjs';

/** The generated files for `spec` (the parsed YAML), unformatted. */
export function generateServer(spec) {
  return {
    'router.ts': `${BANNER}import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`,
    'index.ts': `${BANNER}export * from './router';\n`,
  };
}
