import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { LICENSE_TYPES } from '@internal/plugin-customer-reporting-common';
import { createStores } from '../database/createStores';
import { IngestService } from '../ingest/IngestService';
import { generateDemoFleet } from './demoFleet';
import { loadDemoDataIfEmpty } from './loadDemoData';

jest.setTimeout(120_000);

const NOW = Date.parse('2026-11-27T12:00:00Z');
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('demo fleet', () => {
  it('is the same for the same seed', () => {
    expect(generateDemoFleet(NOW)).toEqual(generateDemoFleet(NOW));
    expect(generateDemoFleet(NOW, 1)).not.toEqual(generateDemoFleet(NOW));
  });

  it('has the variety the issue asks for', () => {
    const fleet = generateDemoFleet(NOW);
    const customers = fleet.customers.map(
      c => c.body as { licenseType: string; enterprisePortalEnabled: boolean },
    );
    expect(fleet.apps).toHaveLength(2);
    expect(customers.length).toBeGreaterThanOrEqual(40);
    expect(new Set(customers.map(c => c.licenseType))).toEqual(
      new Set(LICENSE_TYPES),
    );
    expect(customers.some(c => c.enterprisePortalEnabled)).toBe(true);
    const instances = new Set(fleet.checkIns.map(c => c.instanceId));
    expect(instances.size).toBeGreaterThanOrEqual(120);
    const statuses = new Set(fleet.checkIns.map(c => c.appStatus));
    expect([...statuses].sort()).toEqual([
      'degraded',
      'missing',
      'ready',
      'unavailable',
      'updating',
    ]);
    expect(fleet.checkIns.some(c => c.airgap)).toBe(true);
    const types = new Set(fleet.attemptEvents.map(e => e.type));
    expect([...types].sort()).toEqual([
      'completed',
      'discarded',
      'failed',
      'started',
      'step',
    ]);
  });

  it('loads through the ingestion path once', async () => {
    const knex = await databases.init('SQLITE_3');
    const stores = await createStores(mockServices.database({ knex }));
    const ingest = new IngestService(stores, () => NOW);
    const options = {
      stores,
      ingest,
      logger: mockServices.logger.mock(),
      clock: () => NOW,
    };
    expect(await loadDemoDataIfEmpty(options)).toBe(true);
    expect(await loadDemoDataIfEmpty(options)).toBe(false);
    const { items } = await stores.customers.listCustomers({
      limit: 100,
      asOf: NOW,
      activeWindowMs: 24 * 3600_000,
    });
    expect(items.find(c => c.name === 'Acme Corp')).toMatchObject({
      active: true,
    });
    expect(items.filter(c => c.active).length).toBeGreaterThan(20);
    expect(items.some(c => !c.active)).toBe(true);
  });
});
