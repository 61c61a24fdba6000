import { resolvePackagePath } from '@backstage/backend-plugin-api';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'fs';
import { parse } from 'yaml';

/**
 * The customer-reporting backend's OpenAPI document: its component schemas
 * are what the ingest validates every body and item against.
 */
const document = parse(
  fs.readFileSync(
    resolvePackagePath(
      '@customer-reporting/plugin-customer-reporting-backend',
      'src/schema/openapi.yaml',
    ),
    'utf8',
  ),
);
const SPEC_ID = 'customer-reporting.openapi';

/** RFC 3339 with a zone, as the ingest's date-time format requires. */
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function createAjv() {
  // As the backend compiles them: OpenAPI 3.1 is JSON Schema 2020-12, and
  // its `x-` annotations are unknown to Ajv.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv, ['email', 'uri']);
  ajv.addFormat('date-time', {
    validate: (value: string) =>
      DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
  });
  ajv.addSchema(
    { $id: SPEC_ID, components: { schemas: document.components.schemas } },
    SPEC_ID,
  );
  return ajv;
}

const ajv = createAjv();

/** The component schemas of what a data source sends through the ingest. */
export type IngestComponent =
  | 'AppInput'
  | 'CustomerInput'
  | 'CheckIn'
  | 'AttemptEvent'
  | 'PortalEvent'
  | 'Slug'
  | 'Id';

/**
 * JSON.stringify writes half a surrogate pair as a `\\u` escape (a whole
 * pair as itself); the backend refuses a body holding one (jsonBody.ts).
 */
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

/**
 * Why `value` is not what the component schema says (or holds half a
 * surrogate pair, which the backend refuses before any schema), or
 * undefined when it is.
 */
export function ingestSchemaErrors(
  component: IngestComponent,
  value: unknown,
): string | undefined {
  const validate = ajv.getSchema(`${SPEC_ID}#/components/schemas/${component}`);
  if (!validate) throw new Error(`The backend's spec has no ${component}`);
  if (ESCAPED_SURROGATE.test(JSON.stringify(value)))
    return `${component} holds half a surrogate pair`;
  return validate(value)
    ? undefined
    : ajv.errorsText(validate.errors, { dataVar: component });
}
