import request from 'supertest';
import { Knex } from 'knex';
import { mockCredentials } from '@backstage/backend-test-utils';
import { API_BASE, SERVICE_AUTH, startSeededBackend } from './testBackend';

const H = 3600_000;
const DAY = 24 * H;
// The backend runs on the real clock; data sits on a recent day and requests pin asOf.
const day = Math.floor(Date.now() / DAY) * DAY - 10 * DAY;
/** The data's day, `hours` after its midnight (UTC). */
export const at = (hours: number) => new Date(day + hours * H).toISOString();

/**
 * The plugin in a test backend with an instance's check-ins and install
 * attempts of the data's day, for the read routes.
 */
export async function startWithReadData(knex: Knex) {
  const server = await startSeededBackend(knex, {
    anonymous: true,
    customer: { name: 'Acme, "Inc"', createdAt: at(-24) },
  });
  const send = (path: string, body: object) =>
    request(server)
      .post(`${API_BASE}${path}`)
      .set('Authorization', SERVICE_AUTH)
      .send(body)
      .expect(200);
  await send('/v1/check-ins', {
    checkIns: [
      {
        instanceId: 'inst-1',
        customerId: 'c1',
        at: at(0),
        appStatus: 'missing',
        appVersion: '1.0.0',
        releaseSequence: 1,
        customMetrics: { users: 3 },
      },
      {
        instanceId: 'inst-1',
        customerId: 'c1',
        at: at(1),
        appStatus: 'ready',
        cloudRegion: 'eu',
      },
      {
        instanceId: 'inst-1',
        customerId: 'c1',
        at: at(6),
        appStatus: 'degraded',
        customMetrics: { users: 4 },
      },
      {
        instanceId: 'inst-1',
        customerId: 'c1',
        at: at(9),
        appStatus: 'ready',
        tags: { name: '=cmd' },
      },
    ],
  });
  await send('/v1/install-attempt-events', {
    events: [
      {
        attemptId: 'a-old',
        customerId: 'c1',
        type: 'started',
        at: at(-2),
        installType: 'linux',
      },
      {
        attemptId: 'a-old',
        customerId: 'c1',
        type: 'failed',
        at: at(-1.5),
        reason: 'disk full',
      },
      {
        attemptId: 'a-new',
        customerId: 'c1',
        type: 'started',
        at: at(-1),
        installType: 'helm',
      },
      {
        attemptId: 'a-new',
        customerId: 'c1',
        type: 'completed',
        at: at(-0.5),
        instanceId: 'inst-1',
      },
    ],
  });
  return { server, user: mockCredentials.user.header(), send };
}
