import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spec } from '../schema/openapi/generated/router';
import { useBoundedLength } from './boundedLength';
import { dateTimeProblem } from './dateTime';

const SPEC_ID = 'customer-reporting.openapi';

/** The component schemas the ingest validates request bodies against. */
const COMPONENTS = {
  app: 'AppInput',
  customer: 'CustomerInput',
  checkIn: 'CheckIn',
  attemptEvent: 'AttemptEvent',
  portalEvent: 'PortalEvent',
  appSlug: 'Slug',
  customerId: 'Id',
} as const;

export type SpecValidators = Record<keyof typeof COMPONENTS, ValidateFunction>;

function compile(): SpecValidators {
  const ajv = new Ajv2020({
    allErrors: true,
    // Errors carry their schema, for the spec's x-pattern-message.
    verbose: true,
    // OpenAPI schema objects carry annotations Ajv does not know (x-*).
    strict: false,
    // Only the one-object bodies (apps, customers) have defaults; they are
    // validated on a copy, so the caller's object is never changed.
    useDefaults: true,
  });
  useBoundedLength(ajv);
  addFormats(ajv, ['email', 'uri']);
  ajv.addFormat('date-time', {
    validate: (value: string) => dateTimeProblem(value) === undefined,
  });
  // Refs in the spec are '#/components/schemas/X': keep that document shape.
  ajv.addSchema(
    { $id: SPEC_ID, components: { schemas: spec.components.schemas } },
    SPEC_ID,
  );
  const entries = Object.entries(COMPONENTS).map(([kind, name]) => {
    const validate = ajv.getSchema(`${SPEC_ID}#/components/schemas/${name}`);
    if (!validate) throw new Error(`The spec has no component schema ${name}`);
    return [kind, validate];
  });
  return Object.fromEntries(entries);
}

let compiled: SpecValidators | undefined;

/** Validators compiled once per process from the OpenAPI spec's components. */
export function specValidators(): SpecValidators {
  compiled ??= compile();
  return compiled;
}
