import { Response } from 'express';

/**
 * One CSV line (RFC 4180 quoting). Cells that a spreadsheet would run as a
 * formula (starting with = + - @) are prefixed with a quote.
 */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Streams a CSV download page by page, waiting for the socket to drain so
 * memory stays flat however many rows there are.
 */
export async function streamCsv(
  res: Response,
  filename: string,
  header: readonly string[],
  pages: AsyncIterable<unknown[][]>,
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.write(csvLine(header));
  for await (const rows of pages) {
    if (res.destroyed) return; // the client went away
    const ok = res.write(rows.map(csvLine).join(''));
    if (!ok) await new Promise(resolve => res.once('drain', resolve));
  }
  res.end();
}
