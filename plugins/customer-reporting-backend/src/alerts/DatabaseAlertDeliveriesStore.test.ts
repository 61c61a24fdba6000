import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createStores } from '../database/createStores';
import { DeliveryClaim } from './DatabaseAlertDeliveriesStore';
import { rule } from './__testUtils__/alertProcess';

jest.setTimeout(60_000);

const databases = TestDatabases.create();
const T0 = Date.parse('2024-07-02T12:00:00Z');
const DAY = 86_400_000;

const claim = (overrides: Partial<DeliveryClaim>): DeliveryClaim => ({
  ruleId: 'down',
  ruleCreatedAt: T0,
  ruleName: 'Down',
  eventType: 'instance-unavailable',
  subject: 'i1',
  customerId: 'c1',
  episode: 1,
  kind: 'firing',
  title: 'Acme Corp: instance i1 is missing for 31 min',
  recipients: ['group:default/ops'],
  at: T0,
  sentAt: T0,
  ...overrides,
});

describe.each(databases.eachSupportedId())(
  'DatabaseAlertDeliveriesStore on %p',
  databaseId => {
    it('claims a change once, reads the states per rule, and deletes deliveries past the retention age', async () => {
      const knex = await databases.init(databaseId);
      const { alerts } = await createStores(mockServices.database({ knex }));
      const store = alerts.deliveries;
      for (const id of ['down', 'late'])
        await alerts.rules.putRule(id, rule({}), 'u', T0);
      expect(await store.claim(claim({}))).toBe(
        'down@1719921600000|i1|1|firing',
      );
      expect(await store.claim(claim({ sentAt: T0 + 1 }))).toBeNull();
      expect(
        await store.claim(
          claim({
            kind: 'recovered',
            at: T0 + 500 * DAY,
            sentAt: T0 + 500 * DAY,
          }),
        ),
      ).not.toBeNull();
      await store.claim(claim({ subject: 'i2', customerId: 'c2' }));
      await store.claim(claim({ ruleId: 'late', subject: 'i3' }));
      const i1 = { customerId: 'c1', episode: 1, firing: false };
      const i2 = { customerId: 'c2', episode: 1, firing: true };
      expect(await store.statesOf(['down', 'none'])).toEqual(
        new Map([
          [
            'down',
            new Map([
              ['i1', i1],
              ['i2', i2],
            ]),
          ],
          ['none', new Map()],
        ]),
      );
      expect(await store.statesOf(['down', 'late'], ['c2'])).toEqual(
        new Map([
          ['down', new Map([['i2', i2]])],
          ['late', new Map()],
        ]),
      );

      // Stale judgements are not claimed: of a rule since deleted, made
      // again or changed to another type, or older than the subject's state.
      expect(await store.claim(claim({ ruleId: 'nope' }))).toBeNull();
      expect(
        await store.claim(claim({ subject: 'i4', ruleCreatedAt: T0 - 1 })),
      ).toBeNull();
      expect(
        await store.claim(
          claim({ subject: 'i4', eventType: 'instance-inactive' }),
        ),
      ).toBeNull();
      expect(
        await store.claim(claim({ episode: 2, at: T0 + 499 * DAY })),
      ).toBeNull();
      expect(await store.statesOf(['down'], ['c1'])).toEqual(
        new Map([['down', new Map([['i1', i1]])]]),
      );

      expect(await store.deleteBefore(T0 + 100 * DAY)).toBe(3);
      const left = await knex('alert_deliveries').select('kind');
      expect(left.map(d => d.kind)).toEqual(['recovered']);
    });
  },
);
