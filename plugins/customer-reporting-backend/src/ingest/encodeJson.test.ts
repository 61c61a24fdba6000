import fc from 'fast-check';
import { encodeJson } from './encodeJson';

/** Characters JSON escapes or that need care, mixed with any code point. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('a', '"', '\\', '\n', '\u0000', '\u001f', '\u007f'),
    fc.constantFrom('\u2028', 'é', '😀', '\ud800', '\udbff', '\udc00'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
});

describe('encodeJson', () => {
  it('encodes every string as JSON.stringify does, escapes and lone surrogates included', () => {
    fc.assert(
      fc.property(tricky, value =>
        expect(encodeJson(value)).toBe(JSON.stringify(value)),
      ),
      { numRuns: 2000 },
    );
    expect(encodeJson('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(encodeJson('\ud800')).toBe('"\\ud800"');
  });

  it('encodes numbers and booleans as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.boolean()), value =>
        expect(encodeJson(value)).toBe(JSON.stringify(value)),
      ),
    );
    for (const value of [-0, NaN, Infinity, -Infinity, 1e21, 5e-7])
      expect(encodeJson(value)).toBe(JSON.stringify(value));
  });
});
