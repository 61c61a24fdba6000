import { TestDatabases } from '@backstage/backend-test-utils';
import { IngestService } from '../ingest/IngestService';
import {
  acmeProcess,
  checkInI1,
  count,
  MIN,
  NO_FILTERS,
  rule,
  T0,
} from './__testUtils__/alertProcess';

jest.setTimeout(120_000);

const databases = TestDatabases.create();

/** An install attempt event of a1 (customer c1) at `at`. */
const attemptEvent = (ingest: IngestService, type: string, at: number) =>
  ingest.ingestInstallAttemptEvents({
    events: [
      {
        attemptId: 'a1',
        customerId: 'c1',
        type,
        at: new Date(at).toISOString(),
        ...(type === 'started' ? { installType: 'helm' } : {}),
      },
    ],
  });

describe.each(databases.eachSupportedId())(
  'alert rules changed while they fire, on %p',
  databaseId => {
    it('ends the open episodes of a rule changed to another event type without a recovery, and tells the new condition afresh', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const a = await acmeProcess(knex, () => now);
      const rules = a.rules;
      await rules.putRule('watch', rule({}), 'u', T0);
      await checkInI1(a.ingest, T0, 'unavailable');
      now = T0 + 31 * MIN;
      await a.evaluator.evaluate();
      expect(count(a.notifications.sent)).toEqual([
        'customer-reporting:instance-unavailable customer-reporting:watch:i1 firing',
      ]);
      // The same rule now watches inactivity: i1 is still down but active,
      // which is no news about either condition.
      await rules.putRule(
        'watch',
        rule({ eventType: 'instance-inactive' }),
        'u',
        now,
      );
      now = T0 + 32 * MIN;
      await a.evaluator.evaluate();
      expect(a.notifications.sent).toHaveLength(1);
      // A day later i1 is inactive: told, as a new episode of the rule.
      now = T0 + 25 * 60 * MIN;
      await a.evaluator.evaluate();
      expect(count(a.notifications.sent)).toEqual([
        'customer-reporting:instance-inactive customer-reporting:watch:i1 firing',
        'customer-reporting:instance-unavailable customer-reporting:watch:i1 firing',
      ]);
      // A change that keeps the type (here its name) keeps the episode.
      await rules.putRule(
        'watch',
        rule({ eventType: 'instance-inactive', name: 'Renamed' }),
        'u',
        now,
      );
      now += MIN;
      await a.evaluator.evaluate();
      expect(a.notifications.sent).toHaveLength(2);
    });

    it('tells the recovery of a subject that the changed filters leave out', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const a = await acmeProcess(knex, () => now);
      const rules = a.rules;
      await rules.putRule(
        'attempts',
        rule({ eventType: 'install-attempt-failed' }),
        'u',
        T0,
      );
      await attemptEvent(a.ingest, 'started', T0);
      now = T0 + 61 * MIN;
      await a.evaluator.evaluate();
      expect(count(a.notifications.sent)).toEqual([
        'customer-reporting:install-attempt-failed customer-reporting:attempts:a1 firing',
      ]);
      // The rule now watches another app only; a1 then succeeds.
      await rules.putRule(
        'attempts',
        rule({
          eventType: 'install-attempt-failed',
          filters: { ...NO_FILTERS, appSlugs: ['other-app'] },
        }),
        'u',
        now,
      );
      now = T0 + 70 * MIN;
      await attemptEvent(a.ingest, 'completed', now);
      expect(a.notifications.sent.map(n => n.payload.title)).toEqual([
        'Acme Corp: install attempt a1 stalled after started',
        'Recovered: Acme Corp: install attempt a1 succeeded',
      ]);
    });

    it('writes a save only over the version it was based on', async () => {
      const knex = await databases.init(databaseId);
      const { rules } = await acmeProcess(knex, () => T0);
      // The version each save below is based on.
      let read: Awaited<ReturnType<typeof rules.getRule>>;
      const save = (id: string, name: string, by: string, at: number) =>
        rules.putRule(id, rule({ name }), by, at, 'all', {
          basedOn: read,
        });
      await rules.putRule('r', rule({}), 'u', T0);
      read = await rules.getRule('r');
      // Another save came between the read and the write: nothing written.
      await rules.putRule('r', rule({ name: 'theirs' }), 'v', T0 + MIN);
      expect(await save('r', 'mine', 'u', T0 + 2 * MIN)).toBe('conflict');
      expect((await rules.getRule('r'))?.name).toBe('theirs');
      read = await rules.getRule('r');
      expect(await save('r', 'mine', 'u', T0 + 3 * MIN)).toBe('replaced');
      // Made by another meanwhile, or deleted meanwhile.
      read = undefined;
      expect(await save('n', 'first', 'v', T0)).toBe('created');
      expect(await save('n', 'second', 'u', T0)).toBe('conflict');
      read = await rules.getRule('r');
      await rules.deleteRule('r');
      expect(await save('r', 'mine', 'u', T0 + 4 * MIN)).toBe('conflict');
      expect((await rules.listRules()).map(r => r.name)).toEqual(['first']);
    });
  },
);
