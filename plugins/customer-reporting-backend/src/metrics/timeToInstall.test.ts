import fc from 'fast-check';
import { customerTimeToInstall } from './timeToInstall';

const t = (s: string) => Date.parse(s);

describe('customerTimeToInstall', () => {
  it('matches domain example 1: 1 h 30 min and 9 d 6 h 30 min', () => {
    const result = customerTimeToInstall(t('2024-03-01T09:00:00Z'), [
      {
        id: 'i1',
        firstSeenAt: t('2024-03-10T14:00:00Z'),
        firstReadyAt: t('2024-03-10T15:30:00Z'),
        archived: false,
      },
    ]);
    expect(result).toEqual({
      instanceId: 'i1',
      firstSeenAt: t('2024-03-10T14:00:00Z'),
      firstReadyAt: t('2024-03-10T15:30:00Z'),
      instanceSeconds: 90 * 60,
      licenseSeconds: (9 * 24 + 6) * 3600 + 30 * 60,
    });
  });

  describe('domain example 2', () => {
    const created = t('2024-06-01T09:00:00Z');
    const a = {
      id: 'A',
      firstSeenAt: t('2024-06-02T08:30:00Z'),
      firstReadyAt: t('2024-06-02T09:00:00Z'),
      archived: false,
    };
    const b = {
      id: 'B',
      firstSeenAt: t('2024-06-02T07:00:00Z'),
      firstReadyAt: t('2024-06-02T08:00:00Z'),
      archived: false,
    };

    it('shows the instance whose first ready is the latest', () => {
      expect(customerTimeToInstall(created, [b, a])).toMatchObject({
        instanceId: 'A',
        instanceSeconds: 1800,
        licenseSeconds: 86400,
      });
    });
    it('falls back to the other ready instance', () => {
      expect(
        customerTimeToInstall(created, [b, { ...a, firstReadyAt: null }]),
      ).toMatchObject({
        instanceId: 'B',
        instanceSeconds: 3600,
        licenseSeconds: 23 * 3600,
      });
    });
    it('has nothing with no ready instance', () => {
      expect(
        customerTimeToInstall(created, [
          { ...a, firstReadyAt: null },
          { ...b, firstReadyAt: null },
        ]),
      ).toBeNull();
    });
  });

  it('skips archived instances, keeps inactive ones, breaks ties by smallest id and honours asOf', () => {
    const ready = t('2024-06-05T00:00:00Z');
    const base = {
      firstSeenAt: t('2024-06-04T00:00:00Z'),
      firstReadyAt: ready,
      archived: false,
    };
    expect(
      customerTimeToInstall(0, [
        { ...base, id: 'z' },
        { ...base, id: 'b' },
      ])?.instanceId,
    ).toBe('b');
    expect(
      customerTimeToInstall(0, [
        { ...base, id: 'a', archived: true },
        { ...base, id: 'b', firstReadyAt: ready - 1 },
      ])?.instanceId,
    ).toBe('b');
    expect(
      customerTimeToInstall(0, [{ ...base, id: 'a' }], ready - 1),
    ).toBeNull();
  });

  it('does not depend on the order instances are listed in', () => {
    const instance = fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      firstSeenAt: fc.integer({ min: 0, max: 1000 }),
      firstReadyAt: fc.option(fc.integer({ min: 1000, max: 2000 })),
      archived: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(instance, { selector: i => i.id }),
        instances => {
          expect(customerTimeToInstall(0, [...instances].reverse())).toEqual(
            customerTimeToInstall(0, instances),
          );
        },
      ),
    );
  });
});
