import type {
  CustomerListResponse,
  CustomerReport,
  GetCustomerReport,
  GetInstallAttemptSummary,
  InstallAttemptFailureGroups,
  InstallAttemptList,
  InstallAttemptSummary,
  InstanceEventList,
  ListCustomers,
  ListInstallAttempts,
  ListInstanceEvents,
  ReportInstance,
} from '@customer-reporting/plugin-customer-reporting-common';
import { spec } from '../schema/openapi/generated';
import {
  JsonSchema,
  RegistryZod,
  RegistryZodObject,
  RegistryZodType,
  resolveRef,
  SpecDocument,
  specToZod,
} from './specToZod';

/** The operations whose parameters actions take (types generated from the spec). */
interface Operations {
  ListCustomers: ListCustomers;
  GetCustomerReport: GetCustomerReport;
  ListInstanceEvents: ListInstanceEvents;
  ListInstallAttempts: ListInstallAttempts;
  GetInstallAttemptSummary: GetInstallAttemptSummary;
}
/** The answer components actions answer with or project. */
interface Components {
  CustomerListResponse: CustomerListResponse;
  CustomerReport: CustomerReport;
  ReportInstance: ReportInstance;
  InstanceEventList: InstanceEventList;
  InstallAttemptList: InstallAttemptList;
  InstallAttemptSummary: InstallAttemptSummary;
  InstallAttemptFailureGroups: InstallAttemptFailureGroups;
}
type OperationParams<O> = (O extends { path: infer P } ? P : {}) &
  (O extends { query?: infer Q } ? NonNullable<Q> : {});

/** The members of an object schema. */
export type RegistryZodShape = Record<string, RegistryZodType>;

/** An object schema whose parsed value is typed T. */
export type SpecObject<T> = RegistryZodObject & { _output: T; _input: T };

/** The OpenAPI document as far as actions read it. */
export interface ActionSpec extends SpecDocument {
  paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  components: SpecDocument['components'] & {
    parameters: Readonly<Record<string, unknown>>;
  };
}
interface Parameter {
  name: string;
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

function operationParameters(doc: ActionSpec, operationId: string) {
  for (const methods of Object.values(doc.paths)) {
    for (const operation of Object.values(methods)) {
      const op = operation as { operationId?: string; parameters?: unknown[] };
      if (op.operationId === operationId) {
        return (op.parameters ?? []).map(p => {
          const ref = (p as { $ref?: string }).$ref;
          const name = ref?.replace('#/components/parameters/', '');
          return (name ? doc.components.parameters[name] : p) as Parameter;
        });
      }
    }
  }
  throw new Error(`The spec has no operation ${operationId}`);
}

/**
 * A query string's boolean: the spec writes it as the strings 'true' and
 * 'false' (HTTP has no other); an action takes a JSON boolean, as the
 * generated client does.
 */
function isQueryBoolean(schema: JsonSchema) {
  return schema.type === 'string' && schema.enum?.join() === 'true,false';
}

function parameterToZod(z: RegistryZod, doc: ActionSpec, parameter: Parameter) {
  const { schema } = parameter;
  const boolean = isQueryBoolean(schema);
  let value = boolean ? z.boolean() : specToZod(z, doc, schema);
  if (parameter.description) value = value.describe(parameter.description);
  if (schema.default !== undefined) {
    return value.default(boolean ? schema.default === 'true' : schema.default);
  }
  return parameter.required ? value : value.optional();
}

/**
 * The names of an operation's parameters except the given ones, in the
 * spec's order: for an action that offers all of a route's filters.
 */
export function parametersExcept<
  O extends keyof Operations,
  E extends keyof OperationParams<Operations[O]> & string,
>(operationId: O, except: readonly E[], doc: ActionSpec = spec) {
  type Name = Exclude<keyof OperationParams<Operations[O]> & string, E>;
  return operationParameters(doc, operationId)
    .map(p => p.name)
    .filter(name => !(except as readonly string[]).includes(name)) as Name[];
}

/**
 * An action's input: the named parameters of an operation, each with the
 * spec's schema, description and default. The names are looked up when the
 * action module loads: one the operation lacks throws at startup (and fails
 * the type check), so an action cannot offer a parameter the route lacks.
 */
export function operationInput<
  O extends keyof Operations,
  K extends keyof OperationParams<Operations[O]> & string,
>(operationId: O, names: readonly K[], doc: ActionSpec = spec) {
  const parameters = operationParameters(doc, operationId);
  const picked = names.map(name => {
    const parameter = parameters.find(p => p.name === name);
    if (!parameter) {
      throw new Error(`${operationId} has no parameter '${name}'`);
    }
    return parameter;
  });
  return (z: RegistryZod) =>
    specObject<Pick<OperationParams<Operations[O]>, K>>(
      z,
      Object.fromEntries(picked.map(p => [p.name, parameterToZod(z, doc, p)])),
    );
}

/**
 * The JSON schema at a path inside a component: property names, `[]` for
 * an array's items; references resolved, a missing step throws.
 */
export function schemaAt(
  component: keyof Components,
  path: readonly string[] = [],
  doc: SpecDocument = spec,
): JsonSchema {
  return path.reduce<JsonSchema>((schema, step) => {
    const resolved = schema.$ref ? resolveRef(doc, schema.$ref) : schema;
    const next = step === '[]' ? resolved.items : resolved.properties?.[step];
    if (!next) throw new Error(`${component} has no ${path.join('.')}`);
    return next;
  }, resolveRef(doc, `#/components/schemas/${component}`));
}

/**
 * The named properties of an object schema, each as the spec declares it
 * (required or optional, nullable, enums, formats); a missing name throws
 * now, the zod members are built when the registry asks.
 */
export function pickProperties(
  schema: JsonSchema,
  names: readonly string[],
  doc: SpecDocument = spec,
): (z: RegistryZod) => RegistryZodShape {
  const resolved = schema.$ref ? resolveRef(doc, schema.$ref) : schema;
  const required = new Set(resolved.required);
  const picked = names.map(name => {
    const property = resolved.properties?.[name];
    if (!property) throw new Error(`The schema has no property '${name}'`);
    return [name, property] as const;
  });
  return z =>
    Object.fromEntries(
      picked.map(([name, property]) => {
        const value = specToZod(z, doc, property);
        return [name, required.has(name) ? value : value.optional()];
      }),
    );
}

/** A closed object schema of the given members, typed T. */
export function specObject<T>(
  z: RegistryZod,
  shape: RegistryZodShape,
): SpecObject<T> {
  return z.object(shape).strict() as unknown as SpecObject<T>;
}

/**
 * A page of a list component for actions, which page by `limit` without
 * cursors: the component's named members (e.g. `items`, `totalCount`) and
 * `hasMore` (whether the HTTP answer would have a `nextCursor`).
 */
export function pageOutput<
  N extends keyof Components,
  K extends keyof Components[N] & string,
>(component: N, names: readonly K[]) {
  const members = pickProperties(schemaAt(component), names);
  return (z: RegistryZod) =>
    specObject<Pick<Components[N], K> & { hasMore: boolean }>(z, {
      ...members(z),
      hasMore: z
        .boolean()
        .describe('More match than were returned: raise `limit` to see them'),
    });
}
