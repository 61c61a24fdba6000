import express from 'express';
import { ApiRouter as TypedRouter } from '@backstage/backend-openapi-utils';
import { createOpenApiRouter, spec } from '../schema/openapi/generated';

/**
 * The router generated from openapi.yaml: every route registered on it gets
 * its path parameters, query, body and answer typed by the spec, and every
 * request is validated against the spec before a handler runs (400 naming
 * the parameter or field).
 */
export type ApiRouter = TypedRouter<typeof spec>;

/**
 * Paths of the operations marked `x-ingest-validation`: the ingest service
 * validates their bodies item by item (`error.issues: [{index, field,
 * message}]`, which the validator's single message cannot carry), against
 * the same component schemas. The validator hands ignorePaths the mounted
 * path, so only its end is matched.
 */
function ingestValidatedPaths(): RegExp {
  const templates = Object.entries(spec.paths)
    .filter(([, operations]) =>
      Object.values(operations).some(
        operation => 'x-ingest-validation' in operation,
      ),
    )
    .map(([path]) => path.replace(/\{\w+\}/g, '[^/]+'));
  return new RegExp(`(${templates.join('|')})$`);
}

const bodyParsedBefore: express.RequestHandler = (_req, _res, next) => next();

/**
 * The validated router. Bodies are parsed before it (in createRouter): the
 * validator turns every error that reaches it into a 400, which would hide
 * a 413 or an unreadable body from the plugin's error handler.
 */
export async function createApiRouter(): Promise<ApiRouter> {
  return createOpenApiRouter({
    middleware: [bodyParsedBefore],
    validatorOptions: {
      validateRequests: {
        coerceTypes: false, // Backstage's default; parameters are coerced anyway
        allowUnknownQueryParameters: false,
        // Every problem of a request in one answer, not only the first. The
        // schemas are our own and bodies are capped by maxBodyBytes.
        allErrors: true,
      },
      // Who may call is Backstage's httpAuth, checked per route.
      validateSecurity: false,
      ignorePaths: ingestValidatedPaths(),
    },
  });
}
