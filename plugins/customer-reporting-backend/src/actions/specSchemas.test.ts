import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { registryZod } from '../__testUtils__/registryZod';
import { spec } from '../schema/openapi/generated';
import type { ActionContext } from './actionContext';
import { ATTEMPT_FILTERS } from './attemptFilters';
import type { ActionSpec } from './specSchemas';
import { operationInput, pageOutput, schemaAt } from './specSchemas';
import { RegistryZod } from './specToZod';

type Mutable = { paths: any; components: any };

/** The spec with ListCustomers' `status` parameter offering one more value. */
function specWithStatus(value: string): ActionSpec {
  const changed = structuredClone(spec) as unknown as Mutable;
  const status = changed.paths['/v1/customers'].get.parameters.find(
    (p: { name?: string }) => p.name === 'status',
  );
  // The parameter's own enum, or that of the component it references.
  const ref: string | undefined = status.schema.$ref;
  const schema = ref
    ? changed.components.schemas[ref.replace('#/components/schemas/', '')]
    : status.schema;
  schema.enum.push(value);
  return changed as ActionSpec;
}

/** The spec without ListCustomers' `search` parameter. */
function specWithoutSearch(): ActionSpec {
  const changed = structuredClone(spec) as unknown as Mutable;
  const operation = changed.paths['/v1/customers'].get;
  operation.parameters = operation.parameters.filter(
    (p: { name?: string }) => p.name !== 'search',
  );
  return changed as ActionSpec;
}

/** The input JSON schemas of the actions registered with the given spec. */
async function actionInputs(doc: ActionSpec) {
  const registry = actionsRegistryServiceMock();
  jest.isolateModules(() => {
    jest.doMock('../schema/openapi/generated', () => ({ spec: doc }));
    const { registerActions } = require('./registerActions');
    registerActions({ actionsRegistry: registry } as Partial<ActionContext>);
  });
  const { actions } = await registry.list();
  return Object.fromEntries(actions.map(a => [a.name, a.schema.input]));
}

describe('action schemas from the spec', () => {
  let z: RegistryZod;

  beforeAll(async () => {
    z = await registryZod();
  });

  it("takes an operation's parameters with their schemas, defaults and descriptions", () => {
    const input = operationInput('ListCustomers', [
      'search',
      'active',
      'limit',
    ])(z);
    expect(input.parse({})).toEqual({ limit: 50 });
    expect(input.shape.search.description).toBe(
      'Matches name, id, email or custom id (case-insensitive).',
    );
    // A query string's 'true'/'false' is a JSON boolean for an AI client.
    expect(input.parse({ active: true }).active).toBe(true);
    expect(input.safeParse({ active: 'true' }).success).toBe(false);
    expect(input.safeParse({ limit: 501 }).success).toBe(false);
    expect(input.safeParse({ search: 'x'.repeat(256) }).success).toBe(false);
    expect(input.safeParse({ search: 'a\u0000b' }).success).toBe(false);
    expect(input.safeParse({ search: 'Acme, Inc.' }).success).toBe(true);
    // Only the offered parameters: the cursor is not one of them.
    expect(input.safeParse({ cursor: 'abc' }).success).toBe(false);
    const report = operationInput('GetCustomerReport', [
      'customerId',
      'includeInactive',
    ])(z);
    expect(report.parse({ customerId: 'c1' })).toEqual({
      customerId: 'c1',
      includeInactive: false,
    });
    expect(report.safeParse({}).success).toBe(false); // a path parameter
  });

  it("offers a route's filters but the excluded ones", () => {
    expect(ATTEMPT_FILTERS).toEqual(
      expect.arrayContaining(['appSlug', 'installType', 'from', 'to']),
    );
    expect(ATTEMPT_FILTERS).not.toContain('status');
    expect(ATTEMPT_FILTERS).not.toContain('asOf');
  });

  it('fails when an action names a parameter or property the spec lacks', () => {
    expect(() => operationInput('ListCustomers', ['nope' as 'search'])).toThrow(
      "ListCustomers has no parameter 'nope'",
    );
    expect(() => schemaAt('CustomerReport', ['nope'])).toThrow(
      'CustomerReport has no nope',
    );
    expect(() => pageOutput('InstanceEventList', ['nope' as 'items'])).toThrow(
      "The schema has no property 'nope'",
    );
  });

  it('answers pages of the list components, closed like them', () => {
    const page = pageOutput('InstanceEventList', ['items'])(z);
    const event = {
      at: '2026-11-29T02:00:00.000Z',
      field: 'appStatus',
      label: 'App status',
      category: 'status',
      value: 'ready',
      previousValue: null,
    };
    expect(page.safeParse({ items: [event], hasMore: false }).success).toBe(
      true,
    );
    const odd = { ...event, category: 'weather' };
    expect(page.safeParse({ items: [odd], hasMore: false }).success).toBe(
      false,
    );
    const extra = { ...event, secret: 'x' };
    expect(page.safeParse({ items: [extra], hasMore: false }).success).toBe(
      false,
    );
  });

  it('refuses to load the actions when the spec lost a parameter they offer', async () => {
    await expect(actionInputs(specWithoutSearch())).rejects.toThrow(
      "ListCustomers has no parameter 'search'",
    );
  });

  it("follows a change of a parameter's enum in the spec", async () => {
    const shipped = await actionInputs(spec as unknown as ActionSpec);
    const changed = await actionInputs(specWithStatus('archived'));
    const statusOf = (input: any) =>
      input.properties.status.anyOf?.flatMap((s: any) => s.enum ?? s.const) ??
      input.properties.status.enum;
    expect(statusOf(shipped['list-customers'])).not.toContain('archived');
    expect(statusOf(changed['list-customers'])).toEqual([
      ...statusOf(shipped['list-customers']),
      'archived',
    ]);
  });
});
