import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { Response } from 'express';
import { setAttachment } from './attachment';

/**
 * One CSV line (RFC 4180). The rule for spreadsheets (docs/permissions.md):
 * numbers and booleans are written bare; every other cell is text, always
 * inside double quotes (so a `;`, tab or `,` never splits it, whichever
 * separator a spreadsheet assumes), and text starting with a formula prefix
 * (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'` so it is never run.
 */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  const text = String(value);
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${inert.replace(/"/g, '""')}"`;
}

/**
 * Streams a CSV download page by page through a stream pipeline, which
 * handles backpressure (through compression too) and client aborts, so
 * memory stays flat however many rows there are.
 */
export async function streamCsv(
  res: Response,
  filename: string,
  header: readonly string[],
  pages: AsyncIterable<unknown[][]>,
): Promise<void> {
  async function* lines() {
    yield csvLine(header);
    for await (const rows of pages) yield rows.map(csvLine).join('');
  }
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  setAttachment(res, filename);
  try {
    await pipeline(Readable.from(lines()), res);
  } catch (error) {
    // A client that went away is not an error; anything else after the
    // headers went out can only end the response.
    if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE')
      res.destroy(error as Error);
  }
}
