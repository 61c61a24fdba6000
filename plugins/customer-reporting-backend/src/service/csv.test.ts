import { csvLine } from './csv';

/** Splits a line the way a spreadsheet does with `separator`, honouring quotes. */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  return [...out, cell];
}

describe('csvLine', () => {
  it('quotes every text cell; numbers, booleans and nulls stay bare', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', null, 3, true])).toBe(
      '"a","b,c","say ""hi""","x\ny",,3,true\r\n',
    );
  });

  it('defuses spreadsheet formulas at the start of any text cell', () => {
    expect(
      csvLine(['=SUM(A1)', '+1', '@cmd', '-2', '\t=1', '\r=1', 'a=1']),
    ).toBe(`"'=SUM(A1)","'+1","'@cmd","'-2","'\t=1","'\r=1","a=1"\r\n`);
    expect(csvLine([-2])).toBe('-2\r\n');
  });

  it('keeps each hostile value one cell for a CSV reader', () => {
    const line = csvLine(['a;=1', 'b,=2', 'c\t=3']).replace(/\r\n$/, '');
    expect(cells(line, ',')).toEqual(['a;=1', 'b,=2', 'c\t=3']);
  });

  it.each([',', ';', '\t'])(
    'keeps hostile text inert when a spreadsheet splits our lines on %j',
    separator => {
      const payloads = [
        'Acme;=1+1',
        'Acme,=1+1',
        'Acme\t=1+1',
        '=HYPERLINK("x")',
        '@SUM(1)',
      ];
      const parsed = cells(csvLine(payloads).replace(/\r\n$/, ''), separator);
      for (const cell of parsed) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    },
  );
});
