import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { useBoundedLength } from './boundedLength';

const OPTIONS = { allErrors: true, verbose: true, strict: false };

const stockAjv = new Ajv2020(OPTIONS);
const boundedAjv = new Ajv2020(OPTIONS);
useBoundedLength(boundedAjv);

/** The same schema compiled with Ajv's own keywords and with ours. */
function both(schema: object) {
  // Ajv caches compiled schemas by content, so repeats cost nothing.
  return { stock: stockAjv.compile(schema), ours: boundedAjv.compile(schema) };
}

/** Strings of characters of one and two UTF-16 units, lone halves too. */
const text = fc.string({
  unit: fc.constantFrom('a', 'é', '😀', '\ud83d', '\ude00', ' '),
  maxLength: 12,
});

describe('useBoundedLength', () => {
  it('accepts and rejects what Ajv does, with the same errors in the same order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 8 }),
        text,
        (minLength, maxLength, value) => {
          const { stock, ours } = both({
            type: 'string',
            minLength,
            maxLength,
            pattern: '^a',
          });
          expect(ours(value)).toBe(stock(value));
          expect(ours.errors).toEqual(stock.errors);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('counts code points, not UTF-16 units, at the limits', () => {
    const { ours } = both({ type: 'string', minLength: 2, maxLength: 3 });
    expect(ours('😀😀😀')).toBe(true); // 6 units, 3 code points
    expect(ours('😀😀😀😀')).toBe(false);
    expect(ours('😀')).toBe(false); // 2 units, 1 code point
    expect(ours.errors?.map(e => e.keyword)).toEqual(['minLength']);
  });
});
