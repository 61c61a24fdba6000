import { TestDatabases } from '@backstage/backend-test-utils';
import { startPluginBackend } from '../__testUtils__/timelineBackend';
import { TEST_APP } from '../__testUtils__/fixtures';
import { DAY, HOUR } from '../__testUtils__/referenceModel';
import {
  modelBuckets,
  modelGraph,
} from '../__testUtils__/instanceReferenceModel';
import { modelCustomer } from '../__testUtils__/customerReferenceModel';
import {
  modelAttempt,
  modelFailureGroups,
  modelFunnel,
  modelSummary,
  percentile,
} from '../__testUtils__/attemptReferenceModel';
import {
  attemptBody,
  batches,
  checkInBody,
  differences,
} from '../__testUtils__/differentialRequests';
import {
  randomCase,
  seededRandom,
  TimelineCase,
} from '../__testUtils__/randomTimeline';
import {
  CHANNELS,
  customerBody,
  randomCustomer,
} from '../__testUtils__/randomCustomer';
import {
  FleetCase,
  fleetInstances,
  modelReportRow,
} from '../__testUtils__/fleetReferenceModel';
import {
  compareExports,
  compareFleetAt,
  compareInstanceDetails,
} from '../__testUtils__/differentialFleet';

jest.setTimeout(300_000);

/*
 * Differential test: random timelines ingested in random order and batches
 * through the HTTP API, read back at several asOf (past, exactly 24 h after
 * a check-in, a UTC midnight, ...) and compared with an independent
 * reference model of the domain spec (__testUtils__/referenceModel.ts and
 * the files it names by concern; over the customers ingested so far,
 * fleetReferenceModel.ts and adoptionReferenceModel.ts for the customer
 * list's filters, the catalog card, adoption and the CSV exports, compared
 * in differentialFleet.ts).
 * 20 seeded cases keep it near a minute on PostgreSQL; search wider with
 * DIFFERENTIAL_CASES=150 DIFFERENTIAL_SEED=1000 (a seed replays a case).
 */
const databases = TestDatabases.create();
const CASES = Number(process.env.DIFFERENTIAL_CASES ?? 20);
const FIRST_SEED = Number(process.env.DIFFERENTIAL_SEED ?? 1);

const iso = (t: number) => new Date(t).toISOString();

describe.each(databases.eachSupportedId())(
  'differential test against the reference model on %p',
  databaseId => {
    let send: Awaited<ReturnType<typeof startPluginBackend>>['send'];
    let get: Awaited<ReturnType<typeof startPluginBackend>>['get'];
    let getText: Awaited<ReturnType<typeof startPluginBackend>>['getText'];

    beforeAll(async () => {
      ({ send, get, getText } = await startPluginBackend(
        await databases.init(databaseId),
      ));
      await send('put', '/v1/apps/test-app', {
        ...TEST_APP,
        channels: Object.entries(CHANNELS).map(([slug, ch]) => ({
          slug,
          name: ch.name,
          releases: ch.releases.map(r => ({
            ...r,
            promotedAt: iso(r.promotedAt),
          })),
        })),
      });
    });

    /**
     * Ingests a case in two parts, so reads also see a half-ingested
     * timeline that later check-ins fill in: the first part's case is
     * returned and the second part is sent by `rest`.
     */
    async function ingest(c: TimelineCase) {
      const r = seededRandom(c.seed + 1_000_000);
      await send(
        'put',
        `/v1/customers/${c.customerId}`,
        customerBody(randomCustomer(c), c.seed),
      );
      const checkIns = batches(c.checkIns, r);
      const attempts = batches(c.attemptEvents, r);
      const part = (from: number, to: number) => ({
        checkIns: checkIns.slice(from * checkIns.length, to * checkIns.length),
        attempts: attempts.slice(from * attempts.length, to * attempts.length),
      });
      const sendPart = async (p: ReturnType<typeof part>) => {
        for (const batch of p.checkIns)
          await send('post', '/v1/check-ins', {
            checkIns: batch.map(ci => checkInBody(ci, c.customerId, r)),
          });
        for (const batch of p.attempts)
          await send('post', '/v1/install-attempt-events', {
            events: batch.map(e => attemptBody(e, c.customerId)),
          });
      };
      const first = part(0, 0.5);
      await sendPart(first);
      const rest = async () => {
        await sendPart(part(0.5, 1));
        // A replay is a no-op, counted as duplicates.
        const replay = r.shuffle(c.checkIns).slice(0, 5);
        const again = await send('post', '/v1/check-ins', {
          checkIns: replay.map(ci => checkInBody(ci, c.customerId, r)),
        });
        expect(again.body).toEqual({ accepted: 0, duplicates: replay.length });
        for (const id of c.archived)
          await send('put', `/v1/instances/${id}/archived`, { archived: true });
      };
      const partial: TimelineCase = {
        ...c,
        checkIns: first.checkIns.flat(),
        attemptEvents: first.attempts.flat(),
        archived: [],
      };
      return { partial, rest };
    }

    /** Compares the customer's routes, and the fleet's (the earlier customers and this one). */
    async function compareAt(
      fleet: FleetCase[],
      asOf: number,
      deep: boolean,
      fleetWide = false,
    ) {
      const f = fleet[fleet.length - 1];
      const { c } = f;
      const q = `asOf=${iso(asOf)}`;
      const report = await get(
        `/v1/customers/${c.customerId}/report?${q}&includeInactive=true&includeArchived=true`,
      );
      const instances = fleetInstances(f, asOf);
      const customer = modelCustomer(instances, c.createdAt);
      const out: string[] = [];
      out.push(
        ...differences(
          'report.instances.ids',
          [...report.instances.map((i: { id: string }) => i.id)].sort(),
          instances.map(i => i.id),
        ),
        ...differences(
          'report.instanceCounts',
          report.instanceCounts,
          customer.instanceCounts,
        ),
        ...differences(
          'report.customer.active',
          report.customer.active,
          customer.active,
        ),
        ...differences(
          'report.timeToInstall',
          report.timeToInstall,
          customer.timeToInstall,
        ),
      );
      for (const m of instances) {
        const row = report.instances.find((i: { id: string }) => i.id === m.id);
        if (!row) continue;
        out.push(
          ...differences(`row ${m.id}`, row, modelReportRow(m)),
          ...(await compareInstanceDetails(get, f, m, asOf)),
        );
        if (!deep) continue;
        for (const [range, size, count] of [
          ['2d', HOUR, 48],
          ['2w', 8 * HOUR, 42],
          ['45d', DAY, 45],
          ['90d', 2 * DAY, 45],
          // A year of weeks: as many as cover 365 days.
          ['1y', 7 * DAY, Math.ceil(365 / 7)],
        ] as const) {
          const graph = await get(
            `/v1/instances/${m.id}/uptime?range=${range}&${q}`,
          );
          out.push(
            ...differences(
              `graph ${m.id} ${range}.length`,
              graph.buckets.length,
              count,
            ),
            ...differences(
              `graph ${m.id} ${range}`,
              graph,
              modelGraph(c.checkIns, m.id, asOf, size, count),
            ),
          );
        }
        // About 50 equal buckets of whole minutes from first seen (its minute).
        const all = await get(`/v1/instances/${m.id}/uptime?range=all&${q}`);
        const starts = all.buckets.map((b: { start: string }) =>
          Date.parse(b.start),
        );
        const size =
          starts.length > 1
            ? starts[1] - starts[0]
            : Date.parse(all.buckets[0].end) - starts[0];
        const last = starts[starts.length - 1];
        if (
          starts[0] !==
            Math.floor(Date.parse(m.firstSeenAt) / 60_000) * 60_000 ||
          size % 60_000 !== 0 ||
          size <= 0 ||
          last + size < asOf ||
          last > asOf ||
          all.buckets.length > 50 ||
          (asOf - starts[0] > 8 * HOUR && all.buckets.length < 45)
        )
          out.push(
            `graph ${m.id} all: ${all.buckets.length} buckets of ${size} ms from ${all.buckets[0].start}`,
          );
        else
          out.push(
            ...differences(
              `graph ${m.id} all`,
              all,
              modelBuckets(c.checkIns, m.id, asOf, starts, size),
            ),
          );
        const list = await get(`/v1/instances/${m.id}/events?limit=500&${q}`);
        const counts: Record<string, number> = {};
        for (const e of list.items as { field: string }[])
          counts[e.field] = (counts[e.field] ?? 0) + 1;
        out.push(
          ...differences(`events ${m.id}`, counts, m.events),
          ...Object.keys(counts)
            .filter(field => !(field in m.events))
            .map(
              field =>
                `events ${m.id}: unexpected field ${field} (${counts[field]})`,
            ),
        );
      }
      const attempts = c.attemptIds
        .map(id => modelAttempt(c.attemptEvents, id, asOf))
        .filter(a => a !== undefined);
      for (const a of attempts) {
        const got = report.installAttempts.find(
          (x: { id: string }) => x.id === a.id,
        );
        const { installType, furthestStep, failedAt, lastEventAt, ...shown } =
          a;
        out.push(...differences(`attempt ${a.id}`, got, shown));
      }
      const filter = `customerId=${c.customerId}&${q}`;
      const funnel = await get(`/v1/install-attempts/funnel?${filter}`);
      out.push(
        ...differences(
          'funnel',
          Object.fromEntries(
            funnel.installTypes.map((t: any) => [t.installType, t.steps]),
          ),
          modelFunnel(attempts),
        ),
      );
      const groups = await get(`/v1/install-attempts/failure-groups?${filter}`);
      out.push(
        ...differences(
          'failure groups',
          Object.fromEntries(
            groups.items.map((g: any) => [
              `${g.status} ${g.step} ${g.reason}`,
              g,
            ]),
          ),
          modelFailureGroups(attempts),
        ),
        ...differences(
          'failure groups.length',
          groups.items.length,
          Object.keys(modelFailureGroups(attempts)).length,
        ),
      );
      out.push(
        ...differences(
          'report.installAttempts.length',
          report.installAttempts.length,
          attempts.length,
        ),
      );
      const list = await get(`/v1/customers?search=${c.customerId}-x&${q}`);
      out.push(
        ...differences('list.length', list.items.length, 1),
        ...differences('list', list.items[0], customer.list),
      );
      if (fleetWide)
        out.push(
          ...(await compareFleetAt(get, fleet, f, asOf, asOf === c.asOfs[0])),
          ...(await compareExports(getText, f, instances, attempts, asOf)),
        );
      const summary = await get(
        `/v1/install-attempts/summary?customerId=${c.customerId}&${q}`,
      );
      const expected = modelSummary(attempts);
      for (const k of ['medianDurationSeconds', 'p90DurationSeconds'] as const)
        if (
          expected[k] !== null &&
          typeof summary[k] === 'number' &&
          Math.abs(summary[k] - expected[k]!) <= 1
        )
          expected[k] = summary[k];
      out.push(...differences('summary', summary, expected));
      return out.map(d => `seed ${c.seed} asOf ${iso(asOf)}: ${d}`);
    }

    /** Fleet figures over all cases, once everything happened. */
    async function compareFleet(fleet: FleetCase[]) {
      const cases = fleet.map(f => f.c);
      const asOf = Date.parse('2024-07-01T00:00:00Z');
      const q = `asOf=${iso(asOf)}`;
      const ttis = fleet.flatMap(f => {
        const tti = modelCustomer(
          fleetInstances(f, asOf),
          f.c.createdAt,
        ).timeToInstall;
        return tti ? [tti] : [];
      });
      const stat = (values: number[]) => ({
        median: Math.round(percentile(values, 0.5)!),
        p90: Math.round(percentile(values, 0.9)!),
      });
      const stats = await get(`/v1/time-to-install/stats?groupBy=app&${q}`);
      const out = differences('tti stats', stats.groups, [
        {
          key: 'test-app',
          customers: ttis.length,
          license: stat(ttis.map(t => t.licenseSeconds)),
          instance: stat(ttis.map(t => t.instanceSeconds)),
        },
      ]).filter(
        d =>
          !/got (-?\d+), model (-?\d+)$/.test(d) ||
          Math.abs(
            Number(d.match(/got (-?\d+)/)![1]) -
              Number(d.match(/model (-?\d+)$/)![1]),
          ) > 1,
      );
      const weeks = new Map<
        string,
        { attempts: number; succeeded: number; decided: number }
      >();
      for (const c of cases)
        for (const id of c.attemptIds) {
          const a = modelAttempt(c.attemptEvents, id, asOf)!;
          const start = Date.parse(a.startedAt);
          // Weeks start Monday 00:00 UTC (1970-01-05 was a Monday).
          const monday = Date.parse('1970-01-05T00:00:00Z');
          const week = iso(start - ((start - monday) % (7 * DAY)));
          const w = weeks.get(week) ?? {
            attempts: 0,
            succeeded: 0,
            decided: 0,
          };
          w.attempts++;
          if (a.status === 'succeeded') w.succeeded++;
          if (a.status !== 'in-progress') w.decided++;
          weeks.set(week, w);
        }
      const trend = await get(`/v1/install-attempts/trend?${q}`);
      const nonEmpty = trend.weeks.filter(
        (w: { attempts: number }) => w.attempts > 0,
      );
      out.push(
        ...differences(
          'trend',
          Object.fromEntries(nonEmpty.map((w: any) => [w.weekStart, w])),
          Object.fromEntries(
            [...weeks].map(([weekStart, w]) => [
              weekStart,
              {
                weekStart,
                attempts: w.attempts,
                succeeded: w.succeeded,
                successRate: w.decided ? w.succeeded / w.decided : null,
              },
            ]),
          ),
        ),
        ...differences('trend weeks', nonEmpty.length, weeks.size),
      );
      return out;
    }

    it(`agrees with the model on ${CASES} random timelines`, async () => {
      const mismatches: string[] = [];
      // The customers ingested so far, with their records.
      const fleet: FleetCase[] = [];
      for (let seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed++) {
        const c = randomCase(seed);
        const rec = randomCustomer(c);
        const { partial, rest } = await ingest(c);
        for (const asOf of c.asOfs.filter((_, k) => k % 3 === 1))
          mismatches.push(
            ...(await compareAt([...fleet, { c: partial, rec }], asOf, false)),
          );
        await rest();
        fleet.push({ c, rec });
        for (const [k, asOf] of c.asOfs.entries())
          mismatches.push(
            ...(await compareAt(fleet, asOf, k % 2 === 0, k % 4 === 0)),
          );
      }
      mismatches.push(...(await compareFleet(fleet)));
      expect(mismatches).toEqual([]);
    });
  },
);
