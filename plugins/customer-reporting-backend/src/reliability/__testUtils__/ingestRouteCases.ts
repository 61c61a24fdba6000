import { TEST_APP, testCustomer } from '../../__testUtils__/fixtures';

const recent = () => new Date(Date.now() - 3600_000).toISOString();

/** Per route: a valid item and the fields to break, with values that break them. */
export const INGEST_ROUTE_CASES = [
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

export type IngestRouteCase = (typeof INGEST_ROUTE_CASES)[number];
