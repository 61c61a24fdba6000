import request from 'supertest';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  API_BASE,
  SERVICE_AUTH,
  startSeededBackend,
} from '../__testUtils__/testBackend';
import { testCustomer } from '../__testUtils__/fixtures';

jest.setTimeout(120_000);

const databases = TestDatabases.create();

/*
 * A hand-made fleet on channel stable: 0.9.0 before the range, then three
 * releases promoted at 10:00 on June 2, 10 and 20 (2024). Instances check in
 * daily at 12:00; the version a day's check-in reports is the one listed
 * from that day on.
 */
const FLEET_APP = {
  name: 'Fleet App',
  channels: [
    {
      slug: 'stable',
      name: 'Stable',
      releases: [
        ['0.9.0', '2024-05-01'],
        ['1.0.0', '2024-06-02'],
        ['1.1.0', '2024-06-10'],
        ['1.2.0', '2024-06-20'],
      ].map(([versionLabel, day], sequence) => ({
        sequence,
        versionLabel,
        promotedAt: `${day}T10:00:00Z`,
      })),
    },
    { slug: 'beta', name: 'Beta', releases: [] },
  ],
};

type Plan = {
  from: number;
  to: number;
  /** day of June → release sequence from that day on */
  versions: Record<number, number>;
  degradedFrom?: number;
  airgap?: boolean;
};
const FLEET: Record<string, Plan> = {
  i1: { from: 1, to: 30, versions: { 1: 0, 2: 1, 10: 2, 25: 3 } },
  i2: { from: 1, to: 30, versions: { 1: 0, 4: 1, 27: 3 } },
  i3: { from: 1, to: 30, versions: { 1: 0, 11: 2 }, degradedFrom: 20 },
  i4: { from: 1, to: 30, versions: { 1: 0 } },
  // Joins late on the newest release.
  i5: { from: 26, to: 30, versions: { 26: 3 } },
  // Stops checking in on June 3: inactive from June 4, 12:00.
  i6: { from: 1, to: 3, versions: { 1: 0 } },
  // Air gap: counted apart, never in adoption.
  i7: { from: 1, to: 30, versions: { 1: 0 }, airgap: true },
};

function fleetCheckIns() {
  return Object.entries(FLEET).flatMap(([instanceId, plan]) => {
    const checkIns = [];
    let sequence = 0;
    for (let day = plan.from; day <= plan.to; day++) {
      sequence = plan.versions[day] ?? sequence;
      checkIns.push({
        instanceId,
        customerId: 'c1',
        at: `2024-06-${String(day).padStart(2, '0')}T12:00:00Z`,
        appStatus:
          plan.degradedFrom && day >= plan.degradedFrom ? 'degraded' : 'ready',
        appVersion: FLEET_APP.channels[0].releases[sequence].versionLabel,
        releaseSequence: sequence,
        ...(plan.airgap ? { airgap: true } : {}),
      });
    }
    return checkIns;
  });
}

const AS_OF = '2024-06-30T12:00:00Z';
const counts = (
  latest: number,
  behind1: number,
  behind2: number,
  behind3Plus: number,
) => ({ latest, behind1, behind2, behind3Plus, unknown: 0 });

describe.each(databases.eachSupportedId())(
  'GET /v1/apps/{appSlug}/adoption of a hand-made fleet on %p',
  databaseId => {
    let server: Awaited<ReturnType<typeof startSeededBackend>>;
    const get = (query: string, status = 200) =>
      request(server)
        .get(`${API_BASE}/v1/apps/test-app/adoption?${query}`)
        .set('Authorization', SERVICE_AUTH)
        .expect(status)
        .then(res => res.body);

    beforeAll(async () => {
      server = await startSeededBackend(await databases.init(databaseId));
      const send = (path: string, body: object) =>
        request(server)
          .put(`${API_BASE}${path}`)
          .set('Authorization', SERVICE_AUTH)
          .send(body)
          .expect(200);
      await send('/v1/apps/test-app', FLEET_APP);
      await send(
        '/v1/customers/c1',
        testCustomer({ createdAt: '2024-05-01T00:00:00Z' }),
      );
      await request(server)
        .post(`${API_BASE}/v1/check-ins`)
        .set('Authorization', SERVICE_AUTH)
        .send({ checkIns: fleetCheckIns() })
        .expect(200);
    });

    it('judges each day at its end: shares behind, status counts, activity', async () => {
      const body = await get(`range=30d&asOf=${AS_OF}`);
      expect(body).toMatchObject({
        appSlug: 'test-app',
        channelSlug: null,
        range: '30d',
        bucket: 'day',
        asOf: '2024-06-30T12:00:00.000Z',
      });
      expect(body.points).toHaveLength(30);
      const day = (d: number) => body.points[d - 1];
      expect(day(1)).toMatchObject({
        start: '2024-06-01T00:00:00.000Z',
        at: '2024-06-01T23:59:59.999Z',
        activeInstances: 5,
        counts: counts(5, 0, 0, 0),
      });
      expect(day(3)).toMatchObject({
        activeInstances: 5,
        counts: counts(1, 4, 0, 0),
      });
      // i6 last checked in on June 3 at 12:00.
      expect(day(4)).toMatchObject({
        activeInstances: 4,
        counts: counts(2, 2, 0, 0),
        shares: { latest: 0.5, behind1: 0.5, behind2: 0, behind3Plus: 0 },
      });
      expect(day(11).counts).toEqual(counts(2, 1, 1, 0));
      expect(day(26)).toMatchObject({
        activeInstances: 5,
        counts: counts(2, 1, 1, 1),
        statusCounts: {
          ready: 4,
          updating: 0,
          degraded: 1,
          unavailable: 0,
          missing: 0,
          none: 0,
        },
      });
      expect(day(30)).toMatchObject({
        at: '2024-06-30T12:00:00.000Z',
        activeInstances: 5,
        counts: counts(3, 1, 0, 1),
        shares: { latest: 0.6, behind1: 0.2, behind2: 0, behind3Plus: 0.2 },
      });
    });

    it('gives the days from promotion until half of the active instances ran each release', async () => {
      const body = await get(`range=30d&asOf=${AS_OF}`);
      expect(body.releases).toEqual([
        {
          channelSlug: 'stable',
          sequence: 1,
          versionLabel: '1.0.0',
          promotedAt: '2024-06-02T10:00:00.000Z',
          halfReachedAt: '2024-06-04T23:59:59.999Z',
          daysToHalf: 2,
        },
        {
          channelSlug: 'stable',
          sequence: 2,
          versionLabel: '1.1.0',
          promotedAt: '2024-06-10T10:00:00.000Z',
          halfReachedAt: '2024-06-11T23:59:59.999Z',
          daysToHalf: 1,
        },
        {
          channelSlug: 'stable',
          sequence: 3,
          versionLabel: '1.2.0',
          promotedAt: '2024-06-20T10:00:00.000Z',
          halfReachedAt: '2024-06-27T23:59:59.999Z',
          daysToHalf: 7,
        },
      ]);
      expect(body.medianDaysToHalf).toBe(2);
    });

    it('answers as it would have at asOf', async () => {
      const body = await get('range=30d&asOf=2024-06-26T12:00:00Z');
      expect(body.points.at(-1)).toMatchObject({
        start: '2024-06-26T00:00:00.000Z',
        at: '2024-06-26T12:00:00.000Z',
        counts: counts(2, 1, 1, 1),
      });
      expect(body.releases.map((r: any) => r.daysToHalf)).toEqual([2, 1, null]);
      expect(body.medianDaysToHalf).toBe(1.5);
    });

    it('shows weeks (Monday UTC) for the long ranges', async () => {
      const body = await get(`range=180d&asOf=${AS_OF}`);
      expect(body.bucket).toBe('week');
      expect(body.points).toHaveLength(26);
      expect(body.points.at(-2)).toMatchObject({
        start: '2024-06-17T00:00:00.000Z',
        at: '2024-06-23T23:59:59.999Z',
        activeInstances: 4,
        counts: counts(0, 2, 1, 1),
      });
      expect(body.points.at(-1)).toMatchObject({
        start: '2024-06-24T00:00:00.000Z',
        at: '2024-06-30T12:00:00.000Z',
        counts: counts(3, 1, 0, 1),
      });
      expect(body.points[0].activeInstances).toBe(0);
      expect(body.points[0].shares.latest).toBeNull();
      // 0.9.0 (May 1) is in range too: nothing was active before June 1.
      expect(body.releases.map((r: any) => r.daysToHalf)).toEqual([
        31, 2, 1, 7,
      ]);
      expect(body.medianDaysToHalf).toBe(4.5);
    });

    it('answers the same when the days arrive newest first', async () => {
      const late = await startSeededBackend(await databases.init(databaseId));
      const send = (method: 'put' | 'post', path: string, body: object) =>
        request(late)
          [method](`${API_BASE}${path}`)
          .set('Authorization', SERVICE_AUTH)
          .send(body)
          .expect(200);
      await send('put', '/v1/apps/test-app', FLEET_APP);
      await send(
        'put',
        '/v1/customers/c1',
        testCustomer({ createdAt: '2024-05-01T00:00:00Z' }),
      );
      const byDay = new Map<string, object[]>();
      for (const checkIn of fleetCheckIns())
        byDay.set(checkIn.at, [...(byDay.get(checkIn.at) ?? []), checkIn]);
      for (const day of [...byDay.keys()].sort().reverse())
        await send('post', '/v1/check-ins', { checkIns: byDay.get(day) });

      const query = `range=30d&asOf=${AS_OF}`;
      const inOrder = await get(query);
      const { body } = await request(late)
        .get(`${API_BASE}/v1/apps/test-app/adoption?${query}`)
        .set('Authorization', SERVICE_AUTH)
        .expect(200);
      expect(body).toEqual(inOrder);
    });

    it('filters by channel and names bad input', async () => {
      const beta = await get(`channelSlug=beta&asOf=${AS_OF}`);
      expect(beta.points.every((p: any) => p.activeInstances === 0)).toBe(true);
      expect(beta.releases).toEqual([]);
      const stable = await get(`channelSlug=stable&range=30d&asOf=${AS_OF}`);
      expect(stable.points.at(-1).counts).toEqual(counts(3, 1, 0, 1));
      await get('channelSlug=nightly', 404);
      const bad = await get('range=2w', 400);
      expect(JSON.stringify(bad)).toContain('range');
      await request(server)
        .get(`${API_BASE}/v1/apps/no-such-app/adoption`)
        .set('Authorization', SERVICE_AUTH)
        .expect(404);
    });
  },
);
