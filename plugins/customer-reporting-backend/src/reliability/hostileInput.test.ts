import request from 'supertest';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { startSeededBackend } from '../__testUtils__/testBackend';
import { databaseChecksum } from './databaseChecksum';
import { deepNesting, hostilePayloads } from './__testUtils__/hostileValues';
import { INGEST_ROUTE_CASES } from './__testUtils__/ingestRouteCases';

jest.setTimeout(180_000);

const databases = TestDatabases.create();
const base = '/api/customer-reporting';
const service = mockCredentials.service.header();

describe.each(databases.eachSupportedId())(
  'hostile input on %p',
  databaseId => {
    it.each(INGEST_ROUTE_CASES.map(r => [r.name, r]))(
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
        for (const payload of hostilePayloads(route))
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
