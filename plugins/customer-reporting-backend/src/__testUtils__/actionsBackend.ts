import { Knex } from 'knex';
import request from 'supertest';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { JsonObject } from '@backstage/types';
import {
  INGEST_ONLY_HEADER,
  ingestTeamCustomers,
  startWithProductionPolicy,
  userHeader,
} from './productionPolicyBackend';

const base = '/api/customer-reporting';
const MINUTE = 60_000;

/**
 * The shipped policy with users reading only their own customers: team-a
 * owns c1 (instance i1, its attempts), team-b owns c2. The plugin registers
 * its actions on the registry's test mock; the same backend serves HTTP.
 * Answers the mock, HTTP GET as a user or as the ingest-only token, and an
 * action invocation as a user.
 */
export async function startWithActions(knex: Knex) {
  const registry = actionsRegistryServiceMock();
  const server = await startWithProductionPolicy(
    knex,
    { readOwnCustomersOnly: true },
    [
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  );
  const now = Date.now();
  const at = (minutesAgo: number) =>
    new Date(now - minutesAgo * MINUTE).toISOString();
  const ingest = await ingestTeamCustomers(server);
  await ingest('post', '/v1/check-ins', {
    checkIns: [
      {
        instanceId: 'i1',
        customerId: 'c1',
        at: at(300),
        appStatus: 'missing',
        appVersion: '1.0.0',
      },
      { instanceId: 'i1', customerId: 'c1', at: at(240), appStatus: 'ready' },
      {
        instanceId: 'i1',
        customerId: 'c1',
        at: at(30),
        appStatus: 'degraded',
        appVersion: '1.1.0',
      },
      { instanceId: 'i2', customerId: 'c2', at: at(60), appStatus: 'ready' },
    ],
  });
  await ingest('post', '/v1/install-attempt-events', {
    events: [
      {
        attemptId: 'a-failed',
        customerId: 'c1',
        type: 'started',
        at: at(120),
        installType: 'helm',
      },
      {
        attemptId: 'a-failed',
        customerId: 'c1',
        type: 'failed',
        at: at(110),
        reason: 'disk full',
      },
      {
        attemptId: 'a-stalled',
        customerId: 'c1',
        type: 'started',
        at: at(180),
        installType: 'linux',
      },
      {
        attemptId: 'a-done',
        customerId: 'c1',
        type: 'started',
        at: at(130),
        installType: 'helm',
      },
      {
        attemptId: 'a-done',
        customerId: 'c1',
        type: 'completed',
        at: at(100),
        instanceId: 'i1',
      },
      {
        attemptId: 'a-other',
        customerId: 'c2',
        type: 'started',
        at: at(200),
        installType: 'linux',
      },
    ],
  });
  // Both ways answer as of the same instant (restore with jest.restoreAllMocks).
  jest.spyOn(Date, 'now').mockReturnValue(now);

  const http = (path: string, name: string) =>
    request(server)
      .get(`${base}${path}`)
      .set('Authorization', userHeader(name));
  const invoke = (action: string, input: JsonObject, name: string) =>
    registry.invoke({
      id: `test:${action}`,
      input,
      credentials: mockCredentials.user(`user:default/${name}`),
    });
  const asIngestToken = (path: string) =>
    request(server)
      .get(`${base}${path}`)
      .set('Authorization', INGEST_ONLY_HEADER);
  return { registry, http, invoke, asIngestToken };
}
