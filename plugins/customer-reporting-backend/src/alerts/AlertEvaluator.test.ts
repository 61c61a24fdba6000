import { TestDatabases } from '@backstage/backend-test-utils';
import { TEST_APP, testCustomer } from '../__testUtils__/fixtures';
import { DatabaseAlertDeliveriesStore } from './DatabaseAlertDeliveriesStore';
import { DatabaseAlertRulesStore } from './DatabaseAlertRulesStore';
import {
  acmeProcess,
  alertProcess as process,
  checkInI1,
  count,
  MIN,
  NO_FILTERS,
  rule,
  T0,
} from './__testUtils__/alertProcess';

jest.setTimeout(120_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'alert evaluation replayed through ingest on %p',
  databaseId => {
    it('notifies each change once, recovers, honours mutes and survives a second process', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const clock = () => now;
      const a = await acmeProcess(knex, clock);
      const rules = a.rules;
      await rules.putRule('down', rule({ name: 'Down' }), 'user:default/x', T0);
      await rules.putRule(
        'attempts',
        rule({
          name: 'Attempts',
          eventType: 'install-attempt-failed',
          recipients: ['user:default/alice'],
        }),
        'user:default/x',
        T0,
      );
      await rules.putRule(
        'ready',
        rule({ name: 'Ready', eventType: 'instance-first-ready' }),
        'user:default/x',
        T0,
      );
      // A rule for another app never fires for c1.
      await rules.putRule(
        'other-app',
        rule({ filters: { ...NO_FILTERS, appSlugs: ['other'] } }),
        'user:default/x',
        T0,
      );

      const checkIn = async (at: number, appStatus: string) => {
        now = at;
        await checkInI1(a.ingest, at, appStatus);
      };
      await checkIn(T0, 'unavailable');
      await checkIn(T0 + 10 * MIN, 'unavailable');
      expect(a.notifications.sent).toHaveLength(0); // down 10 min < 30
      await checkIn(T0 + 31 * MIN, 'missing');
      expect(count(a.notifications.sent)).toEqual([
        'customer-reporting:instance-unavailable customer-reporting:down:i1 firing',
      ]);
      expect(a.notifications.sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/customer-success'],
      });
      expect(a.notifications.sent[0].payload.title).toBe(
        'Acme Corp: instance i1 is missing for 31 min',
      );
      await checkIn(T0 + 40 * MIN, 'unavailable'); // a repeat: nothing new
      expect(a.notifications.sent).toHaveLength(1);
      await checkIn(T0 + 50 * MIN, 'ready'); // recovers, and is ready for the first time
      expect(count(a.notifications.sent.slice(1))).toEqual([
        'customer-reporting:instance-first-ready customer-reporting:ready:i1 firing',
        'customer-reporting:instance-unavailable customer-reporting:down:i1 recovered',
      ]);
      expect(
        a.notifications.sent.find(s => s.payload.scope?.includes('ready'))
          ?.payload.title,
      ).toBe(
        'Acme Corp: instance i1 is ready for the first time, 50 min after it was first seen',
      );

      // An install attempt stalls (judged on the schedule) and then succeeds.
      now = T0 + 55 * MIN;
      await a.ingest.ingestInstallAttemptEvents({
        events: [
          {
            attemptId: 'a1',
            customerId: 'c1',
            type: 'started',
            at: new Date(T0 + 50 * MIN).toISOString(),
            installType: 'helm',
          },
        ],
      });
      expect(a.notifications.sent).toHaveLength(3);
      now = T0 + 110 * MIN;
      await a.evaluator.evaluate();
      expect(a.notifications.sent).toHaveLength(4);
      expect(a.notifications.sent[3].payload).toMatchObject({
        topic: 'customer-reporting:install-attempt-failed',
        scope: 'customer-reporting:attempts:a1',
        title: 'Acme Corp: install attempt a1 stalled after started',
      });
      expect(a.notifications.sent[3].recipients).toEqual({
        type: 'entity',
        entityRef: ['user:default/alice'],
      });

      // A restart in the middle: a second process judges the same moment.
      const b = await process(knex, clock);
      await b.evaluator.evaluate();
      expect(b.notifications.sent).toHaveLength(0);

      now = T0 + 120 * MIN;
      await b.ingest.ingestInstallAttemptEvents({
        events: [
          {
            attemptId: 'a1',
            customerId: 'c1',
            type: 'completed',
            at: new Date(now).toISOString(),
          },
        ],
      });
      expect(count(b.notifications.sent)).toEqual([
        'customer-reporting:install-attempt-failed customer-reporting:attempts:a1 recovered',
      ]);
      expect(b.notifications.sent[0].payload.title).toBe(
        'Recovered: Acme Corp: install attempt a1 succeeded',
      );

      // Down again while muted: nothing until the mute ends, then once,
      // though both processes judge the same moment side by side.
      await rules.putMute('down', 'i1', T0 + 240 * MIN, 'user:default/x');
      await checkIn(T0 + 180 * MIN, 'unavailable');
      await checkIn(T0 + 220 * MIN, 'unavailable');
      await a.evaluator.evaluate();
      expect(a.notifications.sent).toHaveLength(4);
      now = T0 + 241 * MIN;
      await Promise.all([a.evaluator.evaluate(), b.evaluator.evaluate()]);
      const all = [...a.notifications.sent, ...b.notifications.sent];
      expect(count(all)).toEqual([
        'customer-reporting:install-attempt-failed customer-reporting:attempts:a1 firing',
        'customer-reporting:install-attempt-failed customer-reporting:attempts:a1 recovered',
        'customer-reporting:instance-first-ready customer-reporting:ready:i1 firing',
        'customer-reporting:instance-unavailable customer-reporting:down:i1 firing',
        'customer-reporting:instance-unavailable customer-reporting:down:i1 firing',
        'customer-reporting:instance-unavailable customer-reporting:down:i1 recovered',
      ]);

      // The delivery log holds the same, newest first.
      const log = await new DatabaseAlertDeliveriesStore(knex).listDeliveries(
        'all',
        { limit: 50, sentBy: now },
      );
      expect(log.map(d => `${d.ruleId} ${d.subject} ${d.kind}`)).toEqual([
        'down i1 firing',
        'attempts a1 recovered',
        'attempts a1 firing',
        'ready i1 firing',
        'down i1 recovered',
        'down i1 firing',
      ]);
      expect(log[0]).toMatchObject({
        ruleName: 'Down',
        eventType: 'instance-unavailable',
        customerId: 'c1',
        recipients: ['group:default/customer-success'],
        at: new Date(T0 + 241 * MIN).toISOString(),
        error: null,
      });

      // A rule deleted and made again starts afresh: i1 is still down, so
      // the new rule tells it (its deliveries do not collide with the old).
      await rules.deleteRule('down');
      await rules.putRule(
        'down',
        rule({ name: 'Down' }),
        'user:default/x',
        now,
      );
      await a.evaluator.evaluate();
      expect(count(a.notifications.sent.slice(-1))).toEqual([
        'customer-reporting:instance-unavailable customer-reporting:down:i1 firing',
      ]);
    });

    it('judges at the edges: owners in any case, a stall from the latest event by then, a rule made again while judged', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const a = await process(knex, () => now);
      await a.ingest.putApp('test-app', TEST_APP);
      await a.ingest.putCustomer(
        'c1',
        testCustomer({ owner: 'group:default/team-b' }),
      );
      const rules = new DatabaseAlertRulesStore(knex);
      // Entity refs are case-insensitive; the API keeps the case given.
      await rules.putRule(
        'owned',
        rule({
          eventType: 'install-attempt-failed',
          filters: { ...NO_FILTERS, owners: ['Group:default/Team-B'] },
        }),
        'u',
        T0,
      );
      await a.ingest.ingestInstallAttemptEvents({
        events: [
          {
            attemptId: 'a1',
            customerId: 'c1',
            type: 'started',
            at: new Date(T0).toISOString(),
            installType: 'helm',
          },
        ],
      });
      now = T0 + 60 * MIN;
      await a.evaluator.evaluate();
      expect(count(a.notifications.sent)).toEqual([
        'customer-reporting:install-attempt-failed customer-reporting:owned:a1 firing',
      ]);
      // A step at +61 and one stamped +66 (clock skew) arrive at +62: by
      // then the attempt moved a minute ago, so it is no longer stalled.
      now = T0 + 62 * MIN;
      await a.ingest.ingestInstallAttemptEvents({
        events: [
          ['registry-login', 61],
          ['images-pulled', 66],
        ].map(([step, minutes]) => ({
          attemptId: 'a1',
          customerId: 'c1',
          type: 'step',
          step,
          at: new Date(T0 + Number(minutes) * MIN).toISOString(),
        })),
      });
      expect(count(a.notifications.sent.slice(1))).toEqual([
        'customer-reporting:install-attempt-failed customer-reporting:owned:a1 recovered',
      ]);
      expect(a.notifications.sent[1].payload.title).toBe(
        'Recovered: Acme Corp: install attempt a1 is moving again',
      );

      // A rule deleted while an evaluation judges it: the evaluation still
      // records its state; the rule made again must not inherit it.
      await rules.putRule(
        'expiring',
        rule({ eventType: 'license-expiring' }),
        'u',
        now,
      );
      await a.ingest.putCustomer(
        'c2',
        testCustomer({ expiresAt: new Date(now - MIN).toISOString() }),
      );
      await knex('alert_states').insert({
        rule_id: 'gone',
        subject: 'c2',
        customer_id: 'c2',
        episode: 1,
        firing: true,
        changed_at: now,
      });
      await rules.putRule(
        'gone',
        rule({ eventType: 'license-expiring' }),
        'u',
        now,
      );
      a.notifications.sent.length = 0;
      await a.evaluator.evaluate();
      // (The other rule told c2's expiry when c2 was stored.)
      expect(count(a.notifications.sent)).toEqual([
        'customer-reporting:license-expiring customer-reporting:gone:c2 firing',
      ]);
    });

    it('ends the alerts of an instance archived while it fires, saying so', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const a = await acmeProcess(knex, () => now);
      const rules = a.rules;
      await rules.putRule('down', rule({}), 'u', T0);
      await checkInI1(a.ingest, T0, 'unavailable');
      now = T0 + 31 * MIN;
      await a.evaluator.evaluate();
      expect(count(a.notifications.sent)).toEqual([
        'customer-reporting:instance-unavailable customer-reporting:down:i1 firing',
      ]);
      await a.stores.instances.setArchived(['i1'], true);
      now = T0 + 32 * MIN;
      await a.evaluator.evaluate();
      expect(a.notifications.sent[1].payload.title).toBe(
        'Recovered: Acme Corp: instance i1 was archived',
      );
    });

    it('judges the rules side by side: a rule that cannot be judged holds up none of the others', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const a = await acmeProcess(knex, () => now);
      const rules = a.rules;
      for (const [id, eventType] of [
        ['attempts', 'install-attempt-failed'],
        ['down', 'instance-unavailable'],
        ['ready', 'instance-first-ready'],
      ] as const)
        await rules.putRule(id, rule({ name: id, eventType }), 'u', T0);
      for (const [minutes, appStatus] of [
        [0, 'ready'],
        [40, 'missing'],
      ] as const) {
        now = T0 + minutes * MIN;
        await checkInI1(a.ingest, now, appStatus);
      }
      // The attempts rule reads a table that is gone; the others still tell.
      await knex.schema.renameTable('install_attempts', 'attempts_away');
      now = T0 + 80 * MIN;
      a.notifications.sent.length = 0;
      expect(await a.evaluator.evaluate()).toEqual({
        rules: 3,
        judged: 2, // i1 down, and i1 ready for the first time (told before)
        sent: 1,
        failed: 1,
      });
      expect(count(a.notifications.sent)).toEqual([
        'customer-reporting:instance-unavailable customer-reporting:down:i1 firing',
      ]);
    });
  },
);
