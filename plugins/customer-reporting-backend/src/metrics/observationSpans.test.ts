import fc from 'fast-check';
import {
  mergeObservationSpans,
  OBSERVATION_WINDOW_MS,
} from './observationSpans';

const H = 3600_000;

describe('mergeObservationSpans', () => {
  it('keeps check-ins at most 24 h apart in one span and splits longer gaps', () => {
    expect(mergeObservationSpans([], [0, 24 * H, 48 * H + 1, 50 * H])).toEqual([
      { start: 0, last: 24 * H },
      { start: 48 * H + 1, last: 50 * H },
    ]);
  });

  it('joins two spans when a late check-in bridges them', () => {
    const spans = [
      { start: 0, last: 10 * H },
      { start: 40 * H, last: 50 * H },
    ];
    expect(mergeObservationSpans(spans, [25 * H])).toEqual([
      { start: 0, last: 50 * H },
    ]);
  });

  it('is the same whether times arrive at once, one by one or shuffled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 * 24 }), { maxLength: 40 }),
        hours => {
          const times = hours.map(h => h * H);
          const atOnce = mergeObservationSpans([], times);
          const oneByOne = [...times]
            .reverse()
            .reduce(
              (spans, time) => mergeObservationSpans(spans, [time]),
              [] as ReturnType<typeof mergeObservationSpans>,
            );
          expect(oneByOne).toEqual(atOnce);
          for (let i = 1; i < atOnce.length; i++) {
            expect(atOnce[i].start - atOnce[i - 1].last).toBeGreaterThan(
              OBSERVATION_WINDOW_MS,
            );
          }
        },
      ),
    );
  });
});
