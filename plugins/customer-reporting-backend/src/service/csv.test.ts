import { csvLine } from './csv';

describe('csvLine', () => {
  it('quotes separators, quotes and newlines', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', null, 3, true])).toBe(
      'a,"b,c","say ""hi""","x\ny",,3,true\r\n',
    );
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvLine(['=SUM(A1)', '+1', '@cmd', '-2'])).toBe(
      "'=SUM(A1),'+1,'@cmd,'-2\r\n",
    );
    expect(csvLine([-2])).toBe('-2\r\n');
  });
});
