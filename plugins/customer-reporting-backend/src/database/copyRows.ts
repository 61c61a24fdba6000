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
  handleCopyInResponse(connection: PgConnection): void;
}

interface PgConnection {
  stream: { cork(): void; uncork(): void };
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
 * node-postgres copies through its Query: a query answered with
 * CopyInResponse is sent the rows in one CopyData message, then CopyDone;
 * everything else (errors, completion) is the driver's own handling.
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
    // One socket write for the rows and CopyDone, as the driver corks its
    // own multi-message requests: each write wakes the server.
    query.handleCopyInResponse = pg => {
      pg.stream.cork();
      pg.sendCopyFromChunk(data);
      pg.endCopyFrom();
      pg.stream.uncork();
    };
    connection.query(query);
  });
  return true;
}
