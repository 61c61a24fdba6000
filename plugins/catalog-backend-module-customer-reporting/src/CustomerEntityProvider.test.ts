import { setupServer } from 'msw/node';
import {
  Entity,
  groupEntityV1alpha1Validator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CustomerEntityProvider } from './CustomerEntityProvider';
import { DEFAULT_OWNER_REF } from './defaultOwnerGroup';
import {
  customer,
  implementing,
  provider,
  serveCustomers as serve,
} from './__testUtils__/customersRoute';

const server = setupServer();
registerMswTestHooks(server);
const serveCustomers = (all: Parameters<typeof serve>[1], pageSize?: number) =>
  serve(server, all, { pageSize });

describe('CustomerEntityProvider', () => {
  it('publishes every customer, page by page, as a customer Resource owned and linked as configured', async () => {
    const requests = serveCustomers(
      [
        customer('c1'),
        customer('c2', {
          owner: 'group:default/sales-emea',
          licenseType: 'trial',
          licenseTypeLabel: 'Trial',
          archived: true,
          appSlug: 'other',
        }),
      ],
      1,
    );
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const p = provider();
    await p.connect(connection);
    expect(await p.refreshAll()).toBe(2);
    expect(requests).toEqual([
      '?limit=500&sort=createdAt',
      '?limit=500&sort=createdAt&cursor=k0',
    ]);

    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    const [first, second] = mutation.entities.map(
      (e: { entity: Entity }) => e.entity,
    );
    expect(first).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'customer-c1',
        title: 'Customer c1',
        annotations: {
          'customer-reporting/customer-id': 'c1',
          'customer-reporting/app': 'nimbus',
        },
        tags: ['license-paid'],
        links: [{ url: 'http://portal.test/customer-reporting/customers/c1' }],
      },
      spec: {
        type: 'customer',
        owner: 'group:default/customer-success',
        dependsOn: ['component:default/nimbus-api', 'system:default/nimbus'],
      },
    });
    expect(second).toMatchObject({
      metadata: { tags: ['license-trial', 'archived'] },
      spec: { owner: 'group:default/sales-emea', dependsOn: [] },
    });
  });

  it('publishes no license type or channel unless configured to', async () => {
    serveCustomers([customer('c1', { licenseType: 'trial' })]);
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const p = provider(false);
    await p.connect(connection);
    await p.refreshAll();
    const [{ entity }] = connection.applyMutation.mock.calls[0][0].entities;
    expect(entity.metadata.tags).toEqual([]);
    expect(entity.metadata.description).toBe('Customer of nimbus');
    expect(JSON.stringify(entity)).not.toMatch(/trial|Trial|Stable|stable/);
  });

  it('publishes the default owner group with the customers when no default owner is configured', async () => {
    serveCustomers([customer('c1')]);
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const p = provider(false, true);
    await p.connect(connection);
    await p.refreshAll();
    const entities: Entity[] =
      connection.applyMutation.mock.calls[0][0].entities.map(
        (e: { entity: Entity }) => e.entity,
      );
    const group = entities.find(e => e.kind === 'Group')!;
    expect(stringifyEntityRef(group)).toBe(DEFAULT_OWNER_REF);
    expect(await groupEntityV1alpha1Validator.check(group)).toBe(true);
    expect(
      entities.filter(e => e.kind === 'Resource').map(e => e.spec?.owner),
    ).toEqual([DEFAULT_OWNER_REF]);

    const withoutGroup = { applyMutation: jest.fn(), refresh: jest.fn() };
    const configured = provider(false, false);
    await configured.connect(withoutGroup);
    await configured.refreshAll();
    expect(
      withoutGroup.applyMutation.mock.calls[0][0].entities.map(
        (e: { entity: Entity }) => e.entity.kind,
      ),
    ).toEqual(['Resource']);
  });

  it('schedules its full refresh when the catalog connects it, not before', async () => {
    serveCustomers([customer('c1')]);
    const tasks: Array<{ id: string; fn: Function }> = [];
    const p = new CustomerEntityProvider({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      catalog: catalogServiceMock({ entities: implementing }),
      logger: mockServices.logger.mock(),
      defaultOwner: 'group:default/customer-success',
      appBaseUrl: 'http://portal.test',
      schedule: {
        run: async task => {
          tasks.push(task);
        },
      },
    });
    expect(tasks).toEqual([]);
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await p.connect(connection);
    expect(tasks.map(t => t.id)).toEqual([
      'customer-reporting-catalog-refresh',
    ]);
    await tasks[0].fn(new AbortController().signal);
    expect(connection.applyMutation).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'full' }),
    );
  });

  it('applies a delta for one changed customer, looked up by search', async () => {
    const requests = serveCustomers([customer('c10'), customer('c1')]);
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const p = provider();
    await p.connect(connection);
    expect(await p.refreshCustomers(['c1'])).toBe(1);
    expect(requests).toEqual(['?limit=500&search=c1&sort=createdAt']);
    expect(connection.applyMutation).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'delta',
        removed: [],
        added: [
          expect.objectContaining({
            entity: expect.objectContaining({
              metadata: expect.objectContaining({ name: 'customer-c1' }),
            }),
          }),
        ],
      }),
    );
  });

  it('finds a changed customer on any page of its search matches', async () => {
    // 55 customers match "zz" before it does (the real route matches names
    // and emails too).
    const others = Array.from({ length: 55 }, (_, i) => customer(`zz-${i}`));
    const requests = serveCustomers(
      [...others, customer('zz', { createdAt: '2025-02-01T00:00:00Z' })],
      20,
    );
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const p = provider();
    await p.connect(connection);
    expect(await p.refreshCustomers(['zz'])).toBe(1);
    expect(requests).toEqual([
      '?limit=500&search=zz&sort=createdAt',
      '?limit=500&search=zz&sort=createdAt&cursor=k0',
      '?limit=500&search=zz&sort=createdAt&cursor=k1',
    ]);
    expect(
      connection.applyMutation.mock.calls[0][0].added[0].entity.metadata
        .annotations['customer-reporting/customer-id'],
    ).toBe('zz');
  });

  it('reads the list once for many changed customers and sends one delta with only those', async () => {
    const requests = serveCustomers(
      Array.from({ length: 30 }, (_, i) => customer(`c${i}`)),
      20,
    );
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const p = provider();
    await p.connect(connection);
    const changed = Array.from({ length: 12 }, (_, i) => `c${i * 2}`);
    expect(await p.refreshCustomers([...changed, 'gone'])).toBe(12);
    expect(requests).toEqual([
      '?limit=500&sort=createdAt',
      '?limit=500&sort=createdAt&cursor=k0',
    ]);
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('delta');
    expect(
      mutation.added.map(
        (e: { entity: Entity }) =>
          e.entity.metadata.annotations!['customer-reporting/customer-id'],
      ),
    ).toEqual([...changed].sort());
  });
});
