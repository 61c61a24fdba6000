import type { BulkRow, BulkTable } from './bulkRows';

/** PostgreSQL's binary COPY signature, then no flags and no header extension. */
const HEADER = Buffer.from([
  ...Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
  ...[0, 0, 0, 0],
  ...[0, 0, 0, 0],
]);

const TWO_32 = 2 ** 32;

/** A growing buffer that rows are written into. */
class Writer {
  buffer: Buffer;
  offset = 0;

  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Room for `bytes` more bytes, by doubling. */
  reserve(bytes: number) {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(
      Math.max(this.buffer.length * 2, this.offset + bytes),
    );
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }
}

/** Values each column type's binary form holds exactly, by pgType. */
const FITS: Record<string, (value: unknown) => boolean> = {
  text: value => typeof value === 'string',
  bigint: value => Number.isSafeInteger(value),
  integer: value =>
    Number.isInteger(value) && (value as number) === ((value as number) | 0),
  boolean: value => typeof value === 'boolean',
};

function encodable(table: BulkTable, rows: readonly BulkRow[]) {
  const fits = table.pgTypes.map(type => FITS[type]);
  if (fits.some(fit => !fit)) return false;
  return rows.every(row =>
    fits.every(
      (fit, i) => row[i] === null || row[i] === undefined || fit(row[i]),
    ),
  );
}

/**
 * The rows in PostgreSQL's binary COPY format (the "Binary Format" section
 * of the COPY documentation): a field count per row, then per field its
 * length (-1 for NULL) and its bytes, big-endian integers, UTF-8 text. Text
 * needs no escaping in this format, and UTF-8 encoding stores a lone
 * surrogate as U+FFFD, as a plain parameter does.
 *
 * Undefined when a value is not exactly what its column's binary form
 * holds (a number in a text column, a fraction in a bigint one): the
 * caller then writes the rows as before, so such values keep failing or
 * converting as they did.
 */
export function encodeCopyBinary(
  table: BulkTable,
  rows: readonly BulkRow[],
): Buffer | undefined {
  if (!encodable(table, rows)) return undefined;
  const types = table.pgTypes;
  const out = new Writer(HEADER.length + 2 + rows.length * 64 * types.length);
  HEADER.copy(out.buffer);
  out.offset = HEADER.length;
  for (const row of rows) {
    out.reserve(2);
    out.buffer.writeInt16BE(types.length, out.offset);
    out.offset += 2;
    for (let i = 0; i < types.length; i++) writeField(out, types[i], row[i]);
  }
  out.reserve(2);
  out.buffer.writeInt16BE(-1, out.offset);
  return out.buffer.subarray(0, out.offset + 2);
}

function writeField(out: Writer, type: string, value: unknown) {
  if (value === null || value === undefined) {
    out.reserve(4);
    out.buffer.writeInt32BE(-1, out.offset);
    out.offset += 4;
    return;
  }
  if (type === 'text') {
    const text = value as string;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    out.reserve(4 + text.length * 3);
    const length = out.buffer.write(text, out.offset + 4, 'utf8');
    out.buffer.writeInt32BE(length, out.offset);
    out.offset += 4 + length;
    return;
  }
  out.reserve(12);
  const { buffer } = out;
  if (type === 'bigint') {
    const number = value as number;
    const high = Math.floor(number / TWO_32);
    buffer.writeInt32BE(8, out.offset);
    buffer.writeInt32BE(high, out.offset + 4);
    buffer.writeUInt32BE(number - high * TWO_32, out.offset + 8);
    out.offset += 12;
  } else if (type === 'integer') {
    buffer.writeInt32BE(4, out.offset);
    buffer.writeInt32BE(value as number, out.offset + 4);
    out.offset += 8;
  } else {
    buffer.writeInt32BE(1, out.offset);
    buffer[out.offset + 4] = value ? 1 : 0;
    out.offset += 5;
  }
}
