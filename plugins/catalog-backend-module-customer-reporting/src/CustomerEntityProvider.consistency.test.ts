import { setupServer } from 'msw/node';
import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import {
  DeferredEntity,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { customerEntityName } from './customerEntity';
import {
  customer,
  implementing,
  provider,
  serveCustomers,
} from './__testUtils__/customersRoute';

const server = setupServer();
registerMswTestHooks(server);

/**
 * The provider's entities as the catalog keeps them: a full mutation
 * replaces them all (removing those it lacks), a delta adds its own.
 */
function catalogOfProvider() {
  const entities = new Map<string, Entity>();
  const put = (deferred: DeferredEntity[]) =>
    deferred.forEach(({ entity }) =>
      entities.set(entity.metadata.name, entity),
    );
  return {
    ids: () =>
      [...entities.values()]
        .map(e => e.metadata.annotations?.['customer-reporting/customer-id'])
        .sort(),
    connection: {
      refresh: jest.fn(),
      applyMutation: async (mutation: EntityProviderMutation) => {
        if (mutation.type === 'full') {
          entities.clear();
          put(mutation.entities);
        } else put(mutation.added);
      },
    },
  };
}

/** The entity of a customer published by an earlier refresh. */
const published = (id: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: customerEntityName(id),
    annotations: { 'customer-reporting/customer-id': id },
  },
  spec: { type: 'customer', owner: 'group:default/customer-success' },
});

const day = (d: number) => `2025-01-0${d}T00:00:00Z`;

describe('the full refresh while customers change', () => {
  it('keeps a customer renamed to a page it has already read', async () => {
    const all = [
      customer('a', { name: 'Alpha', createdAt: day(1) }),
      customer('b', { name: 'Bravo', createdAt: day(2) }),
      customer('c', { name: 'Charlie', createdAt: day(3) }),
    ];
    serveCustomers(server, all, {
      pageSize: 2,
      afterPage: page => {
        // By name, "Alpha 2" sorts before the cursor (Bravo).
        if (page === 1) all[2] = { ...all[2], name: 'Alpha 2' };
      },
    });
    const catalog = catalogOfProvider();
    const p = provider();
    await p.connect(catalog.connection);
    expect(await p.refreshAll()).toBe(3);
    expect(catalog.ids()).toEqual(['a', 'b', 'c']);
  });

  it('keeps a customer in the catalog whose sort key moved behind the cursor, looked up by id', async () => {
    const all = [
      customer('a', { createdAt: day(1) }),
      customer('b', { createdAt: day(2) }),
      customer('c', { createdAt: day(3) }),
    ];
    const requests = serveCustomers(server, all, {
      pageSize: 2,
      afterPage: page => {
        // A corrected creation date (PUT takes createdAt) moves c before
        // the cursor of any order; only a second look finds it.
        if (page === 1) all[2] = { ...all[2], createdAt: day(1) };
      },
    });
    const catalog = catalogOfProvider();
    const p = provider(true, false, [...implementing, published('c')]);
    await p.connect(catalog.connection);
    expect(await p.refreshAll()).toBe(3);
    expect(catalog.ids()).toEqual(['a', 'b', 'c']);
    expect(requests[requests.length - 1]).toContain('search=c');
  });

  it('publishes a customer read twice (its creation date moved past the cursor) once, as last read', async () => {
    const all = [
      customer('a', { createdAt: day(1) }),
      customer('b', { createdAt: day(2) }),
      customer('c', { createdAt: day(3) }),
    ];
    serveCustomers(server, all, {
      pageSize: 1,
      afterPage: page => {
        if (page === 1) all[0] = { ...all[0], name: 'A', createdAt: day(4) };
      },
    });
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const p = provider();
    await p.connect(connection);
    expect(await p.refreshAll()).toBe(3);
    const names = connection.applyMutation.mock.calls[0][0].entities.map(
      (e: DeferredEntity) => e.entity.metadata.title,
    );
    expect(names.sort()).toEqual(['A', 'Customer b', 'Customer c']);
  });

  it('drops a customer in the catalog that the customer list no longer has', async () => {
    serveCustomers(server, [customer('a')]);
    const catalog = catalogOfProvider();
    const p = provider(true, false, [...implementing, published('gone')]);
    await p.connect(catalog.connection);
    expect(await p.refreshAll()).toBe(1);
    expect(catalog.ids()).toEqual(['a']);
  });

  it('keeps a customer created meanwhile whose delta arrived during the refresh', async () => {
    const all = [
      customer('a', { createdAt: day(1) }),
      customer('b', { createdAt: day(2) }),
    ];
    const catalog = catalogOfProvider();
    const p = provider();
    let delta: Promise<number> | undefined;
    serveCustomers(server, all, {
      pageSize: 1,
      afterPage: async page => {
        if (page !== 1) return;
        // Created (sorting first by name and by creation date, so on a
        // page already read) and announced while the refresh reads on.
        all.push(
          customer('new', { name: 'Aaron', createdAt: '2024-12-31T00:00:00Z' }),
        );
        delta = p.refreshCustomers(['new']);
        await new Promise(resolve => setTimeout(resolve, 200));
      },
    });
    await p.connect(catalog.connection);
    await p.refreshAll();
    await delta;
    expect(catalog.ids()).toEqual(['a', 'b', 'new']);
  });
});
