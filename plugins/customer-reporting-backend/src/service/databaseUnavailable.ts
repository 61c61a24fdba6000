/** PostgreSQL SQLSTATE classes and codes that mean "the database is not there right now". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /connection ended unexpectedly/i,
  /encountered a connection error/i,
  /not queryable/i,
  /timeout acquiring a connection/i,
  /connection.*closed/i,
  /the database system is (starting up|shutting down)/i,
];

/**
 * Whether an error means the database could not be reached, as opposed to a
 * bug or bad input: such requests are answered 503 so callers retry, and the
 * transaction they were in has stored nothing.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
  } | null;
  if (!e) return false;
  if (
    typeof e.code === 'string' &&
    (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_NODE_CODES.has(e.code))
  ) {
    return true;
  }
  if (e.name === 'KnexTimeoutError') return true;
  return (
    typeof e.message === 'string' &&
    UNAVAILABLE_MESSAGES.some(pattern => pattern.test(e.message as string))
  );
}
