import { cut, fit, fitEmail, fitLine, fitMultiline } from './fit';
import { count } from './tolerant';

describe('fitting Vendor API values to what the ingest takes', () => {
  it('leaves out the characters its text fields refuse, and a value with nothing else', () => {
    expect(fit('\u0000', 255)).toBeUndefined();
    expect(fit(' Acme\u0007 Corp\u2028 ', 255)).toBe('Acme Corp');
    expect(fit('x'.repeat(256), 255)).toBeUndefined();
    expect(cut('\u0000 ', 255, 'app-1')).toBe('app-1');
    expect(cut('Nimbus\u0000 Software', 6, 'app-1')).toBe('Nimbus');
  });

  it('cuts long text between characters, never inside a surrogate pair', () => {
    const emoji = '🙂'.repeat(256);
    expect(fitLine(emoji, 255)).toBe('🙂'.repeat(255));
    expect(cut(`a${emoji}`, 255, 'x')).toBe(`a${'🙂'.repeat(254)}`);
    expect(fitMultiline(emoji, 1)).toBe('🙂');
    // Half a pair in what was read (no Go JSON encoder sends one) is U+FFFD.
    expect(fitLine('a\uD83D', 255)).toBe('a\uFFFD');
  });

  it('keeps tabs and line breaks in multi-line text, no other control character', () => {
    expect(fitMultiline('a\r\n\tb\u0007\u0085', 1000)).toBe('a\r\n\tb');
    expect(fitLine(' eu\nwest ', 255)).toBe('euwest');
    expect(fitLine('', 255)).toBe('');
  });

  it('keeps only emails the format check of the ingest accepts', () => {
    expect(fitEmail(' alice@acme.example.com ')).toBe('alice@acme.example.com');
    expect(fitEmail('ü@bücher.de')).toBeUndefined();
    expect(fitEmail('alice@localhost')).toBeUndefined();
  });

  it('reads a count beyond the ingest 32-bit whole numbers as absent', () => {
    expect(count.parse(2147483647)).toBe(2147483647);
    expect(count.parse(2147483648)).toBeUndefined();
    expect(count.parse(Number.MAX_SAFE_INTEGER)).toBeUndefined();
  });
});
