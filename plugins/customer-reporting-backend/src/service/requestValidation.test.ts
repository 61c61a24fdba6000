import express from 'express';
import request from 'supertest';
import { backstageMiddleware } from '../__testUtils__/backstageMiddleware';
import { mockServices } from '@backstage/backend-test-utils';
import { readPluginOptions } from '../options';
import { createRouter } from './router';

/**
 * The router validates every request against openapi.yaml before a handler
 * runs: stores that record their calls show that a refused request reached
 * none, and that a valid one does.
 */
async function startApp() {
  const stores = {
    customers: {
      listCustomers: jest.fn(async () => ({
        items: [],
        totalCount: 0,
        hasMore: false,
      })),
    },
    alerts: { rules: { putRule: jest.fn(), getRule: jest.fn() } },
    report: { getInstanceCustomerId: jest.fn() },
  };
  const access = { filter: jest.fn(async () => ({ all: true })) };
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    auth: mockServices.auth(),
    auditor: mockServices.auditor.mock(),
    access: access as any,
    stores: stores as any,
    ingest: {} as any,
    options: readPluginOptions(mockServices.rootConfig()),
    clock: Date.now,
  });
  const middleware = backstageMiddleware();
  const app = express()
    .use('/api/customer-reporting', router)
    .use(middleware.error());
  return { app, stores, access };
}

const base = '/api/customer-reporting';

describe('request validation against openapi.yaml', () => {
  it('runs the handler for a request the spec allows', async () => {
    const { app, stores } = await startApp();
    const res = await request(app).get(`${base}/v1/customers?limit=500`);
    expect(res.status).toBe(200);
    expect(stores.customers.listCustomers).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 500, sort: 'name', order: 'asc' }),
    );
  });

  it.each([
    ['a limit above its maximum', '?limit=501', 'limit must be <= 500'],
    ['a limit that is not a number', '?limit=ten', 'limit must be integer'],
    ['an unknown sort', '?sort=revenue', 'sort must be equal to one of'],
    [
      'a time without a zone',
      '?asOf=2025-01-01',
      'asOf must be an ISO 8601 time with a time zone',
    ],
    ['an unknown parameter', '?colour=red', "Unknown query parameter 'colour'"],
    // PostgreSQL refuses NUL in text: 400 here, not a 500 from the database.
    [
      'a control character in a filter',
      '?search=a%00b',
      'request/query/search must not contain control characters',
    ],
  ])(
    'refuses %s with a 400 naming it, before any handler runs',
    async (_case, query, message) => {
      const { app, stores, access } = await startApp();
      const res = await request(app).get(`${base}/v1/customers${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
      expect(stores.customers.listCustomers).not.toHaveBeenCalled();
      expect(access.filter).not.toHaveBeenCalled();
    },
  );

  // What the spec's formats let through and the handler refuses before it
  // reads anything: times that name no instant, cursors this API never made.
  it.each([
    ['30 February', '?asOf=2025-02-30T00:00:00Z', 'asOf'],
    ['a leap second', '?asOf=2016-12-31T23:59:60Z', 'leap seconds'],
    [
      'a hand-made cursor with a fraction for a number',
      `?sort=createdAt&cursor=${Buffer.from(
        JSON.stringify({
          sort: 'createdAt',
          order: 'asc',
          value: 1.5,
          name: 'a',
          id: 'a',
        }),
      ).toString('base64url')}`,
      'cursor',
    ],
  ])(
    'refuses %s with a 400 naming it, before any read',
    async (_c, query, message) => {
      const { app, stores } = await startApp();
      const res = await request(app).get(`${base}/v1/customers${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(JSON.stringify(res.body.error)).toContain(message);
      expect(stores.customers.listCustomers).not.toHaveBeenCalled();
    },
  );

  it('refuses a body field outside the spec, before any handler runs', async () => {
    const { app, stores } = await startApp();
    const res = await request(app)
      .put(`${base}/v1/alerts/rules/r1`)
      .send({ name: 'Down', eventType: 'instance-exploded' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'request/body/eventType must be equal to one of the allowed values',
    );
    expect(stores.alerts.rules.putRule).not.toHaveBeenCalled();
  });

  it('names every unknown body field, nested ones too', async () => {
    const { app, stores } = await startApp();
    const res = await request(app)
      .put(`${base}/v1/alerts/rules/r1`)
      .send({
        name: 'Down',
        eventType: 'instance-unavailable',
        tresholdDays: 3,
        filters: { apps: ['nimbus'], appSlugs: [] },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'request/body/tresholdDays is not a known field, request/body/filters/apps is not a known field',
    );
    expect(stores.alerts.rules.putRule).not.toHaveBeenCalled();
    const mute = await request(app)
      .put(`${base}/v1/alerts/rules/r1/mutes`)
      .send({ until: '2099-01-01T00:00:00Z', reason: 'holiday' });
    expect(mute.status).toBe(400);
    expect(mute.body.error.message).toContain(
      'request/body/reason is not a known field',
    );
  });

  it('refuses a path parameter outside its pattern, before any handler runs', async () => {
    const { app, stores } = await startApp();
    const res = await request(app).get(`${base}/v1/instances/a%20b`);
    expect(res.status).toBe(400);
    // In the spec's words (x-pattern-message), not as the regex.
    expect(res.body.error.message).toBe(
      'request/params/instanceId may only contain letters, digits and . _ : @ -',
    );
    expect(stores.report.getInstanceCustomerId).not.toHaveBeenCalled();
  });

  it('serves the spec at /openapi.json, its paths under the mount path', async () => {
    const { app } = await startApp();
    const res = await request(app).get(`${base}/openapi.json`);
    expect(res.status).toBe(200);
    // Backstage passes it through openapi-merge, which labels it 3.0.3.
    expect(res.body.info.title).toBe('customer-reporting');
    expect(Object.keys(res.body.paths)).toContain(
      '/api/customer-reporting/v1/customers',
    );
  });
});
