import { TestDatabases } from '@backstage/backend-test-utils';
import {
  acmeProcess,
  alertProcess as process,
  checkInI1,
  count,
  MIN,
  rule,
  T0,
} from './__testUtils__/alertProcess';

jest.setTimeout(120_000);

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'alert evaluations out of time order, on %p',
  databaseId => {
    it('ignore a judgement older than the change it would undo: a lagging replica tells no false recovery', async () => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const a = await acmeProcess(knex, () => now);
      await a.rules.putRule('down', rule({}), 'u', T0);
      await checkInI1(a.ingest, T0, 'unavailable');
      // Replica A judges at +31 min: down for 30 minutes, it fires.
      now = T0 + 31 * MIN;
      await a.evaluator.evaluate();
      // Replica B's clock lags two minutes: at +29 min it was not yet down
      // for 30 minutes, which must not recover the alert.
      const b = await process(knex, () => now - 2 * MIN);
      await b.evaluator.evaluate();
      expect(b.notifications.sent).toHaveLength(0);
      // Once B's clock passes the firing too, it agrees: nothing to tell.
      now = T0 + 40 * MIN;
      await b.evaluator.evaluate();
      expect(count([...a.notifications.sent, ...b.notifications.sent])).toEqual(
        [
          'customer-reporting:instance-unavailable customer-reporting:down:i1 firing',
        ],
      );
      // A real recovery still goes out.
      await checkInI1(a.ingest, now, 'ready');
      expect(a.notifications.sent.map(n => n.payload.title)).toEqual([
        'Acme Corp: instance i1 is unavailable for 31 min',
        'Recovered: Acme Corp: instance i1 is ready again',
      ]);
    });
  },
);
