import { TestDatabases } from '@backstage/backend-test-utils';
import { adoptionPlan, DAY_MS } from '../metrics/adoptionRange';
import { seededRandom } from '../__testUtils__/randomTimeline';
import { SampleIndexSql } from './sampleIndexSql';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const AS_OF = Date.parse('2026-03-10T15:20:00Z');

/** The samples the way the route lists them, for asOf and a range. */
const samplesOf = (asOf: number) => adoptionPlan('30d', asOf).samples;

describe.each(databases.eachSupportedId())('SampleIndexSql on %p', id => {
  it('finds the first sample at or after, and the last at or before, any time between the first sample and asOf', async () => {
    const db = await databases.init(id);
    const random = seededRandom(7);
    for (const asOf of [AS_OF, Date.parse('2026-03-10T23:59:59.999Z')]) {
      const samples = samplesOf(asOf);
      const index = new SampleIndexSql(db, samples[0], asOf);
      expect(samples.map((_, i) => index.at(i))).toEqual(samples);
      // Sample times themselves, their neighbours and random times.
      const times = [
        ...samples.flatMap(s => [s - 1, s, s + 1]),
        ...Array.from({ length: 40 }, () => random.int(samples[0], asOf)),
      ].filter(t => t >= samples[0] && t <= asOf);
      const rows = await db.raw(
        times
          .map(
            t =>
              `SELECT ${t} AS t, ${index.firstAtOrAfter(
                String(t),
              )} AS first_index, ${index.lastAtOrBefore(
                String(t),
              )} AS last_index`,
          )
          .join(' UNION ALL '),
      );
      const result: {
        t: unknown;
        first_index: unknown;
        last_index: unknown;
      }[] = Array.isArray(rows) ? rows : rows.rows;
      for (const r of result) {
        const t = Number(r.t);
        expect([t, Number(r.first_index)]).toEqual([
          t,
          samples.findIndex(s => s >= t),
        ]);
        expect([t, Number(r.last_index)]).toEqual([
          t,
          samples.findLastIndex(s => s <= t),
        ]);
      }
    }
  });

  it('has asOf as its only sample when the range starts at asOf', async () => {
    const index = new SampleIndexSql(await databases.init(id), AS_OF, AS_OF);
    expect(index.regular).toBe(0);
    expect(index.at(0)).toBe(AS_OF);
  });

  it('counts the samples before asOf, one a day', async () => {
    const db = await databases.init(id);
    const from = AS_OF - 3 * DAY_MS;
    expect(new SampleIndexSql(db, from, AS_OF).regular).toBe(3);
    expect(new SampleIndexSql(db, from + 1, AS_OF).regular).toBe(3);
    expect(new SampleIndexSql(db, from - 1, AS_OF).regular).toBe(4);
  });
});
