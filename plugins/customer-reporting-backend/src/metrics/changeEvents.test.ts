import fc from 'fast-check';
import { deriveChangeEvents } from './changeEvents';

const t = (hhmm: string) => Date.parse(`2024-07-01T${hhmm}:00Z`);

describe('deriveChangeEvents', () => {
  it('creates one event per changed field (domain example 4)', () => {
    const { events, state } = deriveChangeEvents({}, [
      {
        at: t('10:00'),
        fields: { 'metric:users': '100', cloudRegion: '"us-east"' },
      },
      {
        at: t('10:05'),
        fields: { 'metric:users': '100', cloudRegion: '"us-west"' },
      },
      {
        at: t('10:10'),
        fields: { 'metric:users': '150', cloudRegion: '"us-west"' },
      },
    ]);
    expect(events).toHaveLength(4);
    expect(events.filter(e => e.field === 'cloudRegion')).toEqual([
      {
        at: t('10:00'),
        field: 'cloudRegion',
        value: '"us-east"',
        previousValue: null,
      },
      {
        at: t('10:05'),
        field: 'cloudRegion',
        value: '"us-west"',
        previousValue: '"us-east"',
      },
    ]);
    expect(state).toEqual({ 'metric:users': '150', cloudRegion: '"us-west"' });
  });

  it('creates nothing for identical check-ins and continues from prior values', () => {
    const { events } = deriveChangeEvents({ appStatus: '"ready"' }, [
      { at: t('10:00'), fields: { appStatus: '"ready"' } },
      { at: t('11:00'), fields: { appStatus: '"ready"' } },
    ]);
    expect(events).toEqual([]);
  });

  it('makes the other half of the version unknown when a check-in reports one', () => {
    const { events, state } = deriveChangeEvents({}, [
      {
        at: t('09:00'),
        fields: { appVersion: '"1.0.0"', releaseSequence: '1' },
      },
      { at: t('10:00'), fields: { appVersion: '"1.1.0"' } },
      { at: t('11:00'), fields: { appVersion: '"1.1.0"' } },
      { at: t('12:00'), fields: { releaseSequence: '3' } },
    ]);
    const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);
    expect(
      events.map(
        e => `${hhmm(e.at)} ${e.field} ${e.previousValue} → ${e.value}`,
      ),
    ).toEqual([
      '09:00 appVersion null → "1.0.0"',
      '09:00 releaseSequence null → 1',
      '10:00 appVersion "1.0.0" → "1.1.0"',
      '10:00 releaseSequence 1 → null',
      '12:00 releaseSequence null → 3',
      '12:00 appVersion "1.1.0" → null',
    ]);
    expect(state).toEqual({ appVersion: 'null', releaseSequence: '3' });
    // A half never reported stays absent: no event, nothing in the state.
    const labelsOnly = deriveChangeEvents({}, [
      { at: t('09:00'), fields: { appVersion: '"1.0.0"' } },
    ]);
    expect(labelsOnly.state).toEqual({ appVersion: '"1.0.0"' });
    expect(labelsOnly.events).toHaveLength(1);
  });

  it('does not treat a field left out of a check-in as a change', () => {
    const { events } = deriveChangeEvents({}, [
      { at: t('10:00'), fields: { appStatus: '"ready"', cloudRegion: '"eu"' } },
      { at: t('11:00'), fields: { appStatus: '"degraded"' } },
      { at: t('12:00'), fields: { cloudRegion: '"eu"' } },
    ]);
    expect(events.map(e => `${e.field}=${e.value}`)).toEqual([
      'appStatus="ready"',
      'cloudRegion="eu"',
      'appStatus="degraded"',
    ]);
  });

  it('gives the same events for any arrival order', () => {
    const checkIn = fc.record({
      at: fc.integer({ min: 0, max: 10_000 }),
      fields: fc.dictionary(
        fc.constantFrom('a', 'b', 'c'),
        fc.constantFrom('"x"', '"y"', '1'),
      ),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(checkIn, { selector: c => c.at, maxLength: 20 }),
        fc.nat(),
        (checkIns, seed) => {
          const shuffled = [...checkIns].sort(
            (x, y) =>
              ((x.at * 7919 + seed) % 101) - ((y.at * 7919 + seed) % 101),
          );
          expect(deriveChangeEvents({}, shuffled)).toEqual(
            deriveChangeEvents({}, checkIns),
          );
        },
      ),
    );
  });
});
