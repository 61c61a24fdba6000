import fc from 'fast-check';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';
import { startSeededBackend } from '../__testUtils__/testBackend';
import { databaseChecksum } from './databaseChecksum';

jest.setTimeout(180_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const service = mockCredentials.service.header();
const recent = () => new Date(Date.now() - 3600_000).toISOString();

/**
 * Values none of the fields below accept (boolean fields are left out of
 * those lists, as `true` is a wrong value for every other field): wrong types, empty or overlong strings, dates that
 * are not dates. (Strings with SQL or HTML are valid text: they are checked
 * below to be stored verbatim instead.)
 */
const HAND_WRITTEN = [
  null,
  true,
  12.5,
  -1,
  1e308,
  '',
  ' ',
  'x'.repeat(5000),
  [],
  [1, 2],
  {},
  { $gt: '' },
  '😀'.repeat(600),
  { __proto__: { polluted: true } },
];

/** Wrong for fields holding objects or arrays (tags, features, ...). */
const notAContainer = fc.oneof(
  fc.constantFrom(null, true, 12.5, -1, '', 'text', '😀'),
  fc.integer(),
  fc.string(),
);

/** Wrong for fields holding a scalar. */
const wrongValue = fc.oneof(
  fc.constantFrom(...HAND_WRITTEN),
  fc.integer({ min: -1e9, max: -1 }),
  fc.boolean(),
  fc.array(fc.anything(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1 }), fc.anything(), {
    minKeys: 1,
    maxKeys: 3,
  }),
);

function deepNesting(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

/** Per route: a valid item and the fields to break, with values that break them. */
const ROUTES = [
  {
    name: 'check-ins',
    method: 'post' as const,
    path: '/v1/check-ins',
    wrap: (item: unknown) => ({ checkIns: [item] }),
    valid: () => ({
      instanceId: 'i1',
      customerId: 'c1',
      at: recent(),
      appStatus: 'ready',
      kurlNodesTotal: 3,
    }),
    fields: ['instanceId', 'customerId', 'at', 'appStatus', 'kurlNodesTotal'],
    containers: ['tags', 'customMetrics', 'resourceStates'],
  },
  {
    name: 'install-attempt-events',
    method: 'post' as const,
    path: '/v1/install-attempt-events',
    wrap: (item: unknown) => ({ events: [item] }),
    valid: () => ({
      attemptId: 'a1',
      customerId: 'c1',
      type: 'started',
      at: recent(),
      installType: 'helm',
    }),
    fields: [
      'attemptId',
      'customerId',
      'type',
      'at',
      'installType',
      'networkMode',
      'registry',
      'userEmail',
    ],
    containers: ['environment'],
  },
  {
    name: 'portal-events',
    method: 'post' as const,
    path: '/v1/portal-events',
    wrap: (item: unknown) => ({ events: [item] }),
    valid: () => ({
      customerId: 'c1',
      type: 'accessed',
      at: recent(),
      email: 'a@b.example.com',
    }),
    fields: ['customerId', 'type', 'at', 'email', 'version'],
    containers: [],
  },
  {
    name: 'customers',
    method: 'put' as const,
    path: '/v1/customers/c1',
    wrap: (item: unknown) => item,
    valid: () => testCustomer(),
    fields: [
      'name',
      'appSlug',
      'channelSlug',
      'licenseType',
      'licenseId',
      'createdAt',
    ],
    containers: ['features', 'customFields'],
  },
  {
    name: 'apps',
    method: 'put' as const,
    path: '/v1/apps/test-app',
    wrap: (item: unknown) => item,
    valid: () => TEST_APP,
    fields: ['name'],
    containers: ['channels'],
  },
];

describe.each(databases.eachSupportedId())(
  'hostile input on %p',
  databaseId => {
    it.each(ROUTES.map(r => [r.name, r]))(
      '%s: every hostile payload gets a 4xx with a message and changes nothing',
      async (_name, route) => {
        const knex = await databases.init(databaseId);
        const server = await startSeededBackend(knex);
        const before = await databaseChecksum(knex);

        const send = (
          body: string | object,
          contentType = 'application/json',
        ) =>
          request(server)
            [route.method](`${base}${route.path}`)
            .set('Authorization', service)
            .set('Content-Type', contentType)
            .send(body as any);
        const expectRefused = async (
          body: string | object,
          contentType?: string,
        ) => {
          const res = await send(body, contentType);
          const outcome = {
            status: res.status >= 400 && res.status < 500,
            message: typeof res.body?.error?.message,
          };
          // The payload is in the comparison so a failure shows which one got through.
          expect({
            ...outcome,
            body: typeof body === 'string' ? body.slice(0, 200) : body,
          }).toEqual({
            status: true,
            message: 'string',
            body: typeof body === 'string' ? body.slice(0, 200) : body,
          });
        };

        // Generated: one field of a valid item replaced by a wrong value, or an unknown key added.
        const payloads = fc.sample(
          fc.oneof(
            fc
              .record({
                field: fc.constantFrom(...route.fields),
                value: wrongValue,
              })
              .map(({ field, value }) => ({
                ...route.valid(),
                [field]: value,
              })),
            fc
              .record({
                field: fc.constantFrom(...route.containers, ...route.fields),
                value: notAContainer,
              })
              .filter(
                ({ field, value }) =>
                  (route.containers as string[]).includes(field) ||
                  typeof value !== 'string' ||
                  value === '',
              )
              .map(({ field, value }) => ({
                ...route.valid(),
                [field]: value,
              })),
            fc
              .record({
                key: fc.constantFrom(
                  '__proto__',
                  'constructor',
                  'bogus',
                  '$where',
                  '',
                ),
                value: fc.anything(),
              })
              .map(({ key, value }) =>
                JSON.parse(
                  JSON.stringify({ ...route.valid() }).replace(
                    /^\{/,
                    `{${JSON.stringify(key)}:${JSON.stringify(value ?? null)},`,
                  ),
                ),
              ),
            fc
              .anything()
              .filter(
                v => typeof v !== 'object' || v === null || Array.isArray(v),
              ),
          ),
          { numRuns: 200, seed: 42 },
        );
        for (const payload of payloads)
          await expectRefused(route.wrap(payload) as object);

        // Hand-written: broken JSON, wrong content type, deep nesting, 10 MB.
        await expectRefused('{"not": json');
        await expectRefused('x=1', 'application/x-www-form-urlencoded');
        await expectRefused(route.wrap(deepNesting(5000)) as object);
        await expectRefused(
          JSON.stringify(
            route.wrap({
              ...route.valid(),
              name: 'x'.repeat(10 * 1024 * 1024),
            }),
          ),
        );
        await expectRefused(
          route.wrap({
            ...route.valid(),
            at: '2999-01-01T00:00:00Z',
            createdAt: '2999-01-01T00:00:00Z',
          }) as object,
        );

        expect(await databaseChecksum(knex)).toEqual(before);
      },
    );
  },
);

describe.each(databases.eachSupportedId())(
  'hostile but valid text on %p',
  databaseId => {
    it('stores SQL, HTML and unicode verbatim as text', async () => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          customerReportingPlugin,
          mockServices.database.factory({ knex }),
        ],
      });
      const name = `Robert'); DROP TABLE customers;-- <script>alert("x")</script> Ünïcødé 😀`;
      await request(server)
        .put(`${base}/v1/apps/test-app`)
        .set('Authorization', service)
        .send(TEST_APP)
        .expect(200);
      await request(server)
        .put(`${base}/v1/customers/c1`)
        .set('Authorization', service)
        .send(testCustomer({ name }))
        .expect(200);
      await request(server)
        .post(`${base}/v1/check-ins`)
        .set('Authorization', service)
        .send({
          checkIns: [
            {
              instanceId: 'i1',
              customerId: 'c1',
              at: recent(),
              tags: { name: '<b>prod</b>' },
            },
          ],
        })
        .expect(200);
      const report = await request(server)
        .get(`${base}/v1/customers/c1/report`)
        .set('Authorization', service)
        .expect(200);
      expect(report.body.customer.name).toBe(name);
      expect(report.body.instances[0].name).toBe('<b>prod</b>');
      expect(await knex.schema.hasTable('customers')).toBe(true);
    });
  },
);
