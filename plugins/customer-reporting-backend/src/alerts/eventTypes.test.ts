import { TestDatabases } from '@backstage/backend-test-utils';
import { testCustomer } from '../__testUtils__/fixtures';
import { DatabaseAlertRulesStore } from './DatabaseAlertRulesStore';
import { alertProcess, count, rule } from './__testUtils__/alertProcess';

jest.setTimeout(120_000);

const databases = TestDatabases.create();
const DAY = 86_400_000;
const T0 = Date.parse('2024-07-02T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** Releases 1-3 on stable, promoted 30, 20 and 10 days before T0. */
const APP = {
  name: 'Nimbus',
  channels: [
    {
      slug: 'stable',
      name: 'Stable',
      releases: [1, 2, 3].map(sequence => ({
        sequence,
        versionLabel: `2.${sequence}.0`,
        promotedAt: iso(T0 - (40 - 10 * sequence) * DAY),
      })),
    },
  ],
};

describe.each(databases.eachSupportedId())(
  'license, versions behind and inactivity alerts on %p',
  databaseId => {
    it('fire and recover as the customer and its instance change', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const p = await alertProcess(knex, () => now);
      const rules = new DatabaseAlertRulesStore(knex);
      for (const [id, eventType, threshold] of [
        ['license', 'license-expiring', null],
        ['behind', 'versions-behind', 2],
        ['inactive', 'instance-inactive', null],
      ] as const)
        await rules.putRule(
          id,
          rule({ name: id, eventType, threshold }),
          'user:default/x',
          T0,
        );
      // A rule the evaluator cannot judge (an event type it does not know,
      // as a downgrade would leave) holds up none of the others.
      await rules.putRule('aaa-broken', rule({ name: 'aaa' }), 'x', T0);
      await knex('alert_rules')
        .where({ id: 'aaa-broken' })
        .update({ event_type: 'retired-type' });
      await p.ingest.putApp('nimbus', APP);
      const customer = testCustomer({
        appSlug: 'nimbus',
        createdAt: iso(T0 - 60 * DAY),
        owner: 'group:default/acme-team',
      });
      await p.ingest.putCustomer('c1', {
        ...customer,
        expiresAt: iso(T0 + 20 * DAY),
      });
      const checkIn = (releaseSequence: number) =>
        p.ingest.ingestCheckIns({
          checkIns: [
            {
              instanceId: 'i1',
              customerId: 'c1',
              at: iso(now),
              appStatus: 'ready',
              releaseSequence,
            },
          ],
        });

      // Release 1 with 2 and 3 out: two behind. The license has 20 days.
      await checkIn(1);
      expect(count(p.notifications.sent)).toEqual([
        'customer-reporting:versions-behind customer-reporting:behind:c1 firing',
      ]);
      expect(p.notifications.sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/acme-team'],
      });
      expect(p.notifications.sent[0].payload.title).toBe(
        'Acme Corp: 1 active instance 2+ versions behind (i1: 2)',
      );

      // A week without check-ins: 13 days left on the license, the instance
      // inactive (so no active instance is behind any more).
      now = T0 + 7 * DAY;
      expect(await p.evaluator.evaluate()).toMatchObject({
        rules: 4,
        failed: 1,
        sent: 3,
      });
      expect(count(p.notifications.sent.slice(1))).toEqual([
        'customer-reporting:instance-inactive customer-reporting:inactive:i1 firing',
        'customer-reporting:license-expiring customer-reporting:license:c1 firing',
        'customer-reporting:versions-behind customer-reporting:behind:c1 recovered',
      ]);
      expect(
        p.notifications.sent.find(s => s.payload.scope?.includes('license'))
          ?.payload.title,
      ).toBe('Acme Corp: license expires on 2024-07-22, in 13 d');

      // It checks in again on the latest release, and the license is renewed.
      await checkIn(3);
      await p.ingest.putCustomer('c1', {
        ...customer,
        expiresAt: iso(T0 + 400 * DAY),
      });
      await p.evaluator.evaluate();
      expect(count(p.notifications.sent.slice(4))).toEqual([
        'customer-reporting:instance-inactive customer-reporting:inactive:i1 recovered',
        'customer-reporting:license-expiring customer-reporting:license:c1 recovered',
      ]);
      expect(p.notifications.sent).toHaveLength(6);
    });
  },
);
