import request from 'supertest';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { at, startWithReadData } from '../__testUtils__/readRouteData';

jest.setTimeout(60_000);

const databases = TestDatabases.create();

/** The cells of one CSV line, unquoted (no line breaks inside cells here). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) =>
    cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell,
  );
}
const base = '/api/customer-reporting';

async function startWithData(databaseId: TestDatabaseId) {
  return startWithReadData(await databases.init(databaseId));
}

describe.each(databases.eachSupportedId())(
  'install attempt routes and exports on %p',
  databaseId => {
    it('lists install attempts across customers with filters and a cursor', async () => {
      const { server, user } = await startWithData(databaseId);
      const res = await request(server)
        .get(`${base}/v1/install-attempts?limit=1&asOf=${at(0)}`)
        .set('Authorization', user)
        .expect(200);
      expect(res.body).toMatchObject({
        totalCount: 2,
        items: [
          {
            id: 'a-new',
            status: 'succeeded',
            durationSeconds: 1800,
            customer: { id: 'c1' },
          },
        ],
      });
      const next = await request(server)
        .get(
          `${base}/v1/install-attempts?limit=1&asOf=${at(0)}&cursor=${
            res.body.nextCursor
          }`,
        )
        .set('Authorization', user)
        .expect(200);
      expect(next.body.items).toMatchObject([
        {
          id: 'a-old',
          status: 'failed',
          reason: 'disk full',
          failedStep: 'started',
        },
      ]);
      const failed = await request(server)
        .get(
          `${base}/v1/install-attempts?status=failed,stalled&installType=linux&asOf=${at(
            0,
          )}`,
        )
        .set('Authorization', user)
        .expect(200);
      expect(failed.body.items.map((a: { id: string }) => a.id)).toEqual([
        'a-old',
      ]);
      // Seen from 15 minutes after it started, before it completed.
      const during = await request(server)
        .get(`${base}/v1/install-attempts?customerId=c1&asOf=${at(-0.75)}`)
        .set('Authorization', user)
        .expect(200);
      expect(during.body.items[0]).toMatchObject({
        id: 'a-new',
        status: 'in-progress',
      });
      await request(server)
        .get(`${base}/v1/install-attempts?status=bogus`)
        .set('Authorization', user)
        .expect(400);
    });

    it('serves the fleet audit figures with the list filters', async () => {
      const { server, user } = await startWithData(databaseId);
      const get = (path: string) =>
        request(server).get(`${base}${path}`).set('Authorization', user);
      const summary = await get(
        `/v1/install-attempts/summary?asOf=${at(0)}`,
      ).expect(200);
      expect(summary.body).toMatchObject({
        total: 2,
        succeeded: 1,
        failed: 1,
        successRate: 0.5,
        medianDurationSeconds: 1800,
      });
      const linux = await get(
        `/v1/install-attempts/funnel?installType=linux&asOf=${at(0)}`,
      ).expect(200);
      expect(
        linux.body.installTypes.map(
          (t: { installType: string }) => t.installType,
        ),
      ).toEqual(['linux']);
      const groups = await get(
        `/v1/install-attempts/failure-groups?asOf=${at(0)}`,
      ).expect(200);
      expect(groups.body.items).toMatchObject([
        { status: 'failed', reason: 'disk full', count: 1 },
      ]);
      const trend = await get(
        `/v1/install-attempts/trend?asOf=${at(0)}`,
      ).expect(200);
      expect(
        trend.body.weeks.reduce(
          (n: number, w: { attempts: number }) => n + w.attempts,
          0,
        ),
      ).toBe(2);
      const tti = await get(
        `/v1/time-to-install/stats?groupBy=channel&asOf=${at(10)}`,
      ).expect(200);
      expect(tti.body.groups).toEqual([
        {
          key: 'test-app/stable',
          customers: 1,
          license: { median: 90000, p90: 90000 },
          instance: { median: 3600, p90: 3600 },
        },
      ]);
      await get('/v1/time-to-install/stats?groupBy=region').expect(400);
      await get('/v1/install-attempts/summary?status=nope').expect(400);
      await request(server)
        .get(`${base}/v1/install-attempts/summary`)
        .expect(401);
    });

    it('refuses a time that names no instant before an export starts, and a cursor of the wrong type', async () => {
      const { server, user } = await startWithData(databaseId);
      for (const path of [
        '/v1/exports/customers.csv?asOf=2024-12-31T23:59:60Z',
        '/v1/exports/install-attempts.csv?from=2025-02-30T00:00:00Z',
        '/v1/install-attempts/summary?to=2024-12-31T23:59:60Z',
        // The answer does not depend on asOf; it is checked all the same.
        '/v1/apps?asOf=2024-12-31T23:59:60Z',
      ]) {
        const res = await request(server)
          .get(`${base}${path}`)
          .set('Authorization', user)
          .expect(400);
        expect(res.body.error.issues).toEqual([
          {
            index: null,
            field: path.includes('asOf')
              ? 'asOf'
              : path.match(/(from|to)=/)![1],
            message: expect.stringMatching(/leap seconds|has 28 days/),
          },
        ]);
      }
      // An offset typed into a URL unencoded: its + reads as a space.
      const plus = await request(server)
        .get(`${base}/v1/customers?asOf=2024-07-02T12:00:00+02:00`)
        .set('Authorization', user)
        .expect(400);
      expect(plus.body.error.message).toBe(
        'request/query/asOf must be an ISO 8601 time with a time zone (in a URL a "+" reads as a space: write the offset as %2B02:00)',
      );
      const from = await request(server)
        .get(
          `${base}/v1/install-attempts/summary?from=2024-07-02T12:00:00+02:00`,
        )
        .set('Authorization', user)
        .expect(400);
      expect(from.body.error.message).toMatch(
        /^request\/query\/from must be an ISO 8601 time with a time zone \(in a URL/,
      );
      // A string where the default sort (startedAt) has a number: bigint
      // on PostgreSQL.
      const cursor = Buffer.from(
        JSON.stringify({ value: 'abc', id: 'a-new' }),
      ).toString('base64url');
      const res = await request(server)
        .get(`${base}/v1/install-attempts?cursor=${cursor}`)
        .set('Authorization', user)
        .expect(400);
      expect(res.body.error.issues[0]).toMatchObject({ field: 'cursor' });
    });

    it('streams the CSV exports', async () => {
      const { server, user } = await startWithData(databaseId);
      const customers = await request(server)
        .get(`${base}/v1/exports/customers.csv?asOf=${at(10)}`)
        .set('Authorization', user)
        .expect(200);
      expect(customers.headers['content-type']).toContain('text/csv');
      expect(customers.headers['access-control-expose-headers']).toBe(
        'Content-Disposition',
      );
      const [header, row] = customers.text.trim().split('\r\n');
      expect(header.split(',').slice(0, 3)).toEqual([
        '"customer_id"',
        '"customer_name"',
        '"customer_created_date"',
      ]);
      expect(row).toContain('"c1","Acme, ""Inc"""');

      const instances = await request(server)
        .get(`${base}/v1/exports/customers-instances.csv?asOf=${at(10)}`)
        .set('Authorization', user)
        .expect(200);
      const lines = instances.text.trim().split('\r\n');
      expect(lines).toHaveLength(2);
      // Before the customer was created (at(-24)): the header alone, as in
      // customers.csv.
      const before = await request(server)
        .get(`${base}/v1/exports/customers-instances.csv?asOf=${at(-25)}`)
        .set('Authorization', user)
        .expect(200);
      expect(before.text.trim().split('\r\n')).toHaveLength(1);
      const columns = lines[0].replace(/"/g, '').split(',');
      expect(columns).toEqual(
        expect.arrayContaining([
          'instance_id',
          'instance_is_active',
          'instance_first_reported_at',
          'instance_first_ready_at',
        ]),
      );
      expect(lines[1]).toContain(
        `"inst-1","'=cmd",true,false,false,"${at(0)}","${at(1)}","${at(
          9,
        )}",3600,90000,"ready","1.0.0"`,
      );

      const attempts = await request(server)
        .get(
          `${base}/v1/exports/install-attempts.csv?status=failed&asOf=${at(0)}`,
        )
        .set('Authorization', user)
        .expect(200);
      expect(attempts.text.trim().split('\r\n')).toHaveLength(2);
      expect(attempts.text).toContain('"a-old","c1"');
      await request(server).get(`${base}/v1/exports/customers.csv`).expect(401);
    });

    it('exports versions and steps as the pages show them', async () => {
      const { server, user, send } = await startWithData(databaseId);
      await send('/v1/check-ins', {
        checkIns: [
          // Only a release sequence: the pages show "2" (domain §6).
          {
            instanceId: 'inst-2',
            customerId: 'c1',
            at: at(2),
            releaseSequence: 2,
          },
        ],
      });
      await send('/v1/install-attempt-events', {
        events: [
          ['started', {}, 3],
          ['step', { step: 'images-pulled' }, 3.1],
          // Reported later than a further step: not the furthest.
          ['step', { step: 'registry-login' }, 3.2],
          ['failed', { reason: 'timeout' }, 3.3],
          // Completed after the failure: succeeded, with no failure to show.
          ['completed', {}, 3.5],
        ].map(([type, extra, hours]) => ({
          attemptId: 'a-retried',
          customerId: 'c1',
          type,
          at: at(hours as number),
          installType: 'helm',
          ...(extra as object),
        })),
      });
      const instances = await request(server)
        .get(`${base}/v1/exports/customers-instances.csv?asOf=${at(4)}`)
        .set('Authorization', user)
        .expect(200);
      const [header, ...rows] = instances.text
        .trim()
        .split('\r\n')
        .map(csvCells);
      const inst2 = rows.find(r => r.includes('inst-2'))!;
      expect(inst2[header.indexOf('instance_app_version')]).toBe('2');

      const attempts = await request(server)
        .get(`${base}/v1/exports/install-attempts.csv?asOf=${at(4)}`)
        .set('Authorization', user)
        .expect(200);
      const attemptCells = (text: string, id: string) => {
        const [names, ...lines] = text.trim().split('\r\n').map(csvCells);
        const row = lines.find(r => r[0] === id)!;
        return Object.fromEntries(names.map((n, i) => [n, row[i]]));
      };
      expect(attemptCells(attempts.text, 'a-retried')).toMatchObject({
        status: 'succeeded',
        furthest_step: 'completed',
        failed_step: '',
        reason: '',
      });
      // At asOf 3.25 h it had not completed or failed yet: images-pulled is
      // the furthest in the helm order, though registry-login came later.
      const earlier = await request(server)
        .get(`${base}/v1/exports/install-attempts.csv?asOf=${at(3.25)}`)
        .set('Authorization', user)
        .expect(200);
      expect(attemptCells(earlier.text, 'a-retried')).toMatchObject({
        status: 'in-progress',
        furthest_step: 'images-pulled',
      });
      const listed = await request(server)
        .get(`${base}/v1/install-attempts?customerId=c1&asOf=${at(4)}`)
        .set('Authorization', user)
        .expect(200);
      expect(
        listed.body.items.find((a: { id: string }) => a.id === 'a-retried'),
      ).toMatchObject({ status: 'succeeded', failedStep: null, reason: null });
    });
  },
);
