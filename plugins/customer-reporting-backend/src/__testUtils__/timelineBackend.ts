import request from 'supertest';
import { Knex } from 'knex';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { customerReportingPlugin } from '../plugin';
import { TEST_APP, testCustomer } from './fixtures';
import { API_BASE, SERVICE_AUTH } from './testBackend';

/** A check-in: `[instanceId, at, appStatus?]`, or any fields of the contract's CheckIn. */
export type TimelineCheckIn =
  | [string, string, string?]
  | ({ instanceId: string; at: string } & Record<string, unknown>);

/**
 * The plugin on a real database with its default config, with `send`
 * (expects 200), `get` (the body of a 200, else an error saying what
 * came instead) and `getText` as the service.
 */
export async function startPluginBackend(knex: Knex) {
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      mockServices.database.factory({ knex }),
    ],
  });
  const send = (method: 'put' | 'post', path: string, body: object) =>
    request(server)
      [method](`${API_BASE}${path}`)
      .set('Authorization', SERVICE_AUTH)
      .send(body)
      .expect(200);
  /** A 200 answer, else an error saying what came instead. */
  const ok = async (path: string) => {
    const res = await request(server)
      .get(`${API_BASE}${path}`)
      .set('Authorization', SERVICE_AUTH);
    if (res.status !== 200)
      throw new Error(`${path}: ${res.status} ${res.text}`);
    return res;
  };
  const get = async (path: string) => (await ok(path)).body;
  /** The text of a 200 answer (a CSV export). */
  const getText = async (path: string): Promise<string> =>
    (await ok(path)).text;
  return { server, send, get, getText };
}

/**
 * {@link startPluginBackend} with the test app and customer `c1` created at
 * `createdAt`, for timelines built from the domain definitions and read
 * back with `asOf`. The timelines may be years old: a backend with its
 * defaults takes any past check-in of an instance that has lost none to
 * retention.
 */
export async function startTimelineBackend(knex: Knex, createdAt: string) {
  const { server, send, get, getText } = await startPluginBackend(knex);
  await send('put', '/v1/apps/test-app', TEST_APP);
  await send('put', '/v1/customers/c1', testCustomer({ createdAt }));
  /** Sends check-ins of customer `c1` in one batch, in the order given. */
  const checkIns = (items: TimelineCheckIn[]) =>
    send('post', '/v1/check-ins', {
      checkIns: items.map(item =>
        Array.isArray(item)
          ? {
              instanceId: item[0],
              customerId: 'c1',
              at: item[1],
              ...(item[2] ? { appStatus: item[2] } : {}),
            }
          : { customerId: 'c1', ...item },
      ),
    });
  return { server, send, checkIns, get, getText };
}
