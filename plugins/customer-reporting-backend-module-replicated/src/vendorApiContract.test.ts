import { getResponse } from 'msw';
import { createVendorApiHandlers } from '../dev/vendorApiHandlers';
import { CUSTOMER_IDS, fixtures, NIMBUS_APP_ID } from './__fixtures__';
import {
  answerErrors,
  definitionErrors,
  pathTemplate,
} from './__testUtils__/vendorApiSpec';

/*
 * The fixtures and the fake's answers, checked against Replicated's Vendor
 * API v3 specification (dev/vendor-api-v3.swagger.json) with Ajv: the fake
 * can only drift from the real API by failing this test.
 */

const BASE_URL = 'https://api.replicated.com/vendor/v3';
const TOKEN = 'contract-token';
const handlers = createVendorApiHandlers({
  baseUrl: BASE_URL,
  apiToken: TOKEN,
  fixtures,
  now: () => Date.parse('2026-01-01T00:00:00Z'),
  maxPageSize: 2,
});

async function answer(pathAndQuery: string) {
  const response = await getResponse(
    handlers,
    new Request(`${BASE_URL}${pathAndQuery}`, {
      headers: { Authorization: TOKEN },
    }),
  );
  expect(response?.status).toBe(200);
  return response!.json();
}

const records = (byKey: Record<string, Record<string, unknown>[]>) =>
  Object.values(byKey).flat();

const STABLE = '2hZtR1aQm7StableXk2P9sLw3Vn';

describe('the Vendor API fixtures', () => {
  it.each([
    ['Customer', records(fixtures.customers)],
    ['KotsChannelRelease', records(fixtures.releases)],
    ['InstallAttempt', records(fixtures.installAttempts)],
    ['CustomerUser', records(fixtures.customerUsers)],
    ['ServiceAccount', records(fixtures.serviceAccounts)],
    ['Instance', Object.values(fixtures.portalInstances).flatMap(records)],
  ])('are %s records as the specification defines them', (name, items) => {
    expect(items.length).toBeGreaterThan(0);
    for (const item of items)
      expect(definitionErrors(name, item)).toBeUndefined();
  });

  it('hold the apps answer and the events answer as the specification defines them', () => {
    expect(answerErrors('/apps', fixtures.apps)).toBeUndefined();
    for (const [appId, events] of Object.entries(fixtures.events)) {
      expect(answerErrors(`/app/${appId}/events`, events)).toBeUndefined();
    }
  });

  it('fail the check when a record deviates from the specification', () => {
    const acme = fixtures.customers[NIMBUS_APP_ID][0] as any;
    const instance = acme.instances[0];
    const event = fixtures.events[NIMBUS_APP_ID][0];
    const attempt = fixtures.installAttempts[NIMBUS_APP_ID][0];
    // A field the definition does not have.
    expect(
      definitionErrors('Customer', {
        ...acme,
        instances: [{ ...instance, k8sDistribution: 'eks' }],
      }),
    ).toMatch(/must NOT have additional properties/);
    // A camelCase name where the API answers snake_case.
    const { customer_email: email, ...rest } = attempt;
    expect(
      definitionErrors('InstallAttempt', { ...rest, customerEmail: email }),
    ).toMatch(/must NOT have additional properties/);
    // A type other than declared, and a status outside the enum.
    expect(
      answerErrors(`/app/${NIMBUS_APP_ID}/events`, [
        { ...event, isCustom: false },
      ]),
    ).toMatch(/isCustom must be string/);
    expect(
      definitionErrors('InstallAttempt', { ...attempt, status: 'failed' }),
    ).toMatch(/must be equal to one of the allowed values/);
    // A time that is not a date-time, and null where the API omits a field.
    expect(
      definitionErrors('KotsChannelRelease', {
        ...fixtures.releases[STABLE][0],
        releasedAt: 'June 20',
      }),
    ).toMatch(/must match format "date-time"/);
    expect(definitionErrors('Customer', { ...acme, email: null })).toMatch(
      /email must be string/,
    );
    // An envelope the events answer does not have.
    expect(
      answerErrors(`/app/${NIMBUS_APP_ID}/events`, { events: [event] }),
    ).toMatch(/must be array/);
  });
});

describe('the fake Vendor API', () => {
  const app = `/app/${NIMBUS_APP_ID}`;

  it.each([
    '/apps',
    `${app}/customers?currentPage=0&pageSize=2`,
    `${app}/customers?currentPage=3&pageSize=2&IncludeTest=true`,
    `/customer/${CUSTOMER_IDS.acme}`,
    `${app}/customer/${CUSTOMER_IDS.globex}/instances`,
    `${app}/events?customerIds=${CUSTOMER_IDS.acme},${CUSTOMER_IDS.globex}&after=2025-01-01T00:00:00Z&before=2026-01-01T00:00:00Z`,
    `${app}/events?instanceIds=7f3b2c9e1a4d`,
    `${app}/channel/${STABLE}/releases?currentPage=1&pageSize=2`,
    `${app}/enterprise-portal/install-attempts?FilterCustomerID=${CUSTOMER_IDS.acme}&Limit=2&Offset=0`,
    `${app}/enterprise-portal/install-attempts?FilterStatus=succeeded`,
    `${app}/enterprise-portal/customer-users?FilterCustomerID=${CUSTOMER_IDS.acme}&Limit=2&Offset=0`,
    `${app}/enterprise-portal/service-accounts?FilterCustomerID=${CUSTOMER_IDS.acme}&Limit=2&Offset=0`,
    '/supportbundles',
    `${app}/enterprise-portal/instances?Limit=2&Offset=0`,
    `${app}/enterprise-portal/instances?FilterCustomerID=${CUSTOMER_IDS.acme}`,
  ])('answers GET %s as the specification defines', async pathAndQuery => {
    const path = pathAndQuery.split('?')[0];
    expect(pathTemplate(path)).toBeDefined();
    const body = await answer(pathAndQuery);
    expect(answerErrors(path, body)).toBeUndefined();
    // Something to validate: no empty answers.
    expect(JSON.stringify(body)).toMatch(
      /"(id|instanceId|fieldName|channelSequence)"/,
    );
  });

  it('pages as the specification says: currentPage/pageSize with a total, Limit/Offset with a total', async () => {
    const page = await answer(`${app}/customers?currentPage=1&pageSize=2`);
    expect(page.customers).toHaveLength(2);
    expect(page.totalCustomers).toBe(6);
    const attempts = await answer(
      `${app}/enterprise-portal/install-attempts?FilterCustomerID=${CUSTOMER_IDS.acme}&Limit=2&Offset=2`,
    );
    expect(attempts).toEqual({
      install_attempts: [expect.objectContaining({ id: 'ia_2kAcmeLinux0003' })],
      total: 3,
    });
    // The Instance record names no customer: the fake selects by its key.
    const instances = await answer(
      `${app}/enterprise-portal/instances?Limit=2&Offset=2`,
    );
    expect(instances).toEqual({
      instances: [expect.objectContaining({ id: '0d1e2f3a4b5c' })],
      total: 3,
    });
    const acmes = await answer(
      `${app}/enterprise-portal/instances?FilterCustomerID=${CUSTOMER_IDS.acme}`,
    );
    expect(acmes.instances.map((i: { id: string }) => i.id)).toEqual([
      '7f3b2c9e1a4d',
      'a9e04d7c21b8',
    ]);
  });
});
