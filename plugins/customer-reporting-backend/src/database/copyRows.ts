import { Knex } from 'knex';
import type { BulkRow, BulkTable } from './bulkRows';
import { encodeCopyBinary } from './copyBinary';

/** The parts of node-postgres (the driver Knex loaded) that COPY needs. */
interface PgDriver {
  Query: new (config: {
    text: string;
    callback: (error: Error | null) => void;
  }) => PgQuery;
}

interface PgQuery {
  submit(connection: PgConnection): Error | null;
  handleCopyInResponse(connection: PgConnection): void;
}

interface PgConnection {
  stream: { cork(): void; uncork(): void };
  query(text: string): void;
  sendCopyFromChunk(data: Buffer): void;
  endCopyFrom(): void;
}

interface PgClient {
  query(query: PgQuery): unknown;
}

/**
 * Inserts rows on PostgreSQL with `COPY … FROM STDIN` in the binary format,
 * in the transaction's session: PostgreSQL stores copied rows in bulk, which
 * took its CPU per check-in row from about 5-6 to about 3 µs against the
 * `INSERT … SELECT` of JSON arrays (measured on this machine), and the
 * binary rows are built without escaping and are smaller on the wire.
 * Like any insert, a key already stored fails the statement. COPY keeps no
 * session state, so PgBouncer's transaction pooling still works.
 *
 * node-postgres copies through its Query, with the statement, the rows
 * (one CopyData message) and CopyDone in one socket write: each write to
 * the server costs the backend about as much as sending the rows (about a
 * quarter of its busy time in a profile of the ingest), so the rows do not
 * wait for the server's CopyInResponse. The protocol allows that: should
 * the statement fail before copying, the server drops the CopyData and
 * CopyDone that follow ("Frontend/Backend Protocol", COPY Operations).
 * Errors and completion are the driver's own handling.
 *
 * Returns false, writing nothing, when a value does not fit its column's
 * binary form (encodeCopyBinary); the caller then inserts as before.
 */
export async function copyRows(
  tx: Knex.Transaction,
  table: BulkTable,
  rows: readonly BulkRow[],
): Promise<boolean> {
  const data = encodeCopyBinary(table, rows);
  if (!data) return false;
  const { Query } = (tx.client as unknown as { driver: PgDriver }).driver;
  const connection = (await tx.client.acquireConnection()) as PgClient;
  const text = `copy "${table.name}" (${table.columns
    .map(c => `"${c}"`)
    .join(', ')}) from stdin with (format binary)`;
  await new Promise<void>((resolve, reject) => {
    const query = new Query({
      text,
      callback: error => (error ? reject(error) : resolve()),
    });
    query.submit = pg => {
      pg.stream.cork();
      pg.query(text);
      pg.sendCopyFromChunk(data);
      pg.endCopyFrom();
      pg.stream.uncork();
      return null;
    };
    // The rows went with the statement.
    query.handleCopyInResponse = () => {};
    connection.query(query);
  });
  return true;
}
