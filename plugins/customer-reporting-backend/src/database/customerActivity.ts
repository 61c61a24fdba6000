import { Knex } from 'knex';
import { preparedQuery } from './preparedQuery';
import { startedAtAsOfSql } from './installAttemptQuery';

/** What one row of the portal activity statement is, by `kind`. */
interface PortalActivityRow {
  kind: 'type' | 'user' | 'download';
  /** type: the event type; user: the email; download: the version. */
  name: string | null;
  /** type: events of the type; user: 1 if joined. */
  n: unknown;
  /** type: first event; user: its place by email; download: when. */
  first: unknown;
  /** type: last event. */
  last: unknown;
}

/** The rows of {@link readPortalActivity}'s statement. */
const portalActivityRows = preparedQuery<{ customerId: string; asOf: number }>(
  (db, param) => {
    const base = () =>
      db('portal_events')
        .where({ customer_id: param('customerId') })
        .andWhere('at', '<=', param('asOf'));
    const nullBigint = db.raw('cast(null as bigint)');
    // One user per address whatever its case: portal events keep the case
    // their source sent (an invitation here is stored lowercase).
    const email = 'lower(email)';
    const users = base()
      .whereIn('type', ['user-invited', 'user-joined'])
      .whereNotNull('email')
      .groupByRaw(email)
      .select(
        db.raw(`${email} as email`),
        db.raw(
          `max(case when type = 'user-joined' then 1 else 0 end) as joined`,
        ),
        // The database's order of emails (its collation): a compound select
        // does not keep a member's order, so the answer sorts by this.
        db.raw(`row_number() over (order by ${email}) as position`),
      )
      .orderByRaw(email)
      .limit(500)
      .as('u');
    const lastDownload = base()
      .where({ type: 'downloaded' })
      // Two downloads at the same time: the event's content hash decides,
      // so the answer does not depend on which arrived first.
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(1)
      .select('at', 'version')
      .as('d');
    const byTypeRows = base()
      .groupBy('type')
      .select(
        'type',
        db.raw('count(*) as n'),
        db.raw('min(at) as first'),
        db.raw('max(at) as last'),
      )
      .as('t');
    // Each member reads a derived table: Knex puts a member's GROUP BY, ORDER
    // BY and LIMIT after the whole compound select.
    return db
      .from(byTypeRows)
      .select(
        db.raw(`'type' as kind`),
        't.type as name',
        't.n',
        't.first',
        't.last',
      )
      .unionAll(
        [
          db
            .from(users)
            .select(
              db.raw(`'user' as kind`),
              'u.email as name',
              'u.joined as n',
              'u.position as first',
              nullBigint,
            ),
          db
            .from(lastDownload)
            .select(
              db.raw(`'download' as kind`),
              'd.version as name',
              db.raw('cast(null as bigint) as n'),
              'd.at as first',
              nullBigint,
            ),
        ],
        // SQLite refuses parenthesised members of a compound select.
        false,
      );
  },
);

/**
 * Portal activity of a customer up to `asOf`, aggregated in SQL: counts and
 * first/last per event type, the invited or joined users (first 500 by
 * email) and the last download, in one statement (a report pays per
 * statement). Columns are typed where a member has none, as PostgreSQL
 * types an untyped null of the first member as text.
 */
export async function readPortalActivity(
  db: Knex,
  customerId: string,
  asOf: number,
) {
  const rows: PortalActivityRow[] = await portalActivityRows(db, {
    customerId,
    asOf,
  });
  const byType = new Map<
    string,
    { count: number; first: number; last: number }
  >();
  const userRows: { email: string; joined: boolean; position: number }[] = [];
  let lastDownloadRow: { at: number; version: string | null } | null = null;
  for (const r of rows) {
    if (r.kind === 'type')
      byType.set(r.name!, {
        count: Number(r.n),
        first: Number(r.first),
        last: Number(r.last),
      });
    else if (r.kind === 'user')
      userRows.push({
        email: r.name!,
        joined: Number(r.n) === 1,
        position: Number(r.first),
      });
    else lastDownloadRow = { at: Number(r.first), version: r.name ?? null };
  }
  return {
    byType,
    users: userRows
      .sort((a, b) => a.position - b.position)
      .map(({ email, joined }) => ({ email, joined })),
    lastDownload: lastDownloadRow,
  };
}

/** The customer's most recent install attempts started by `asOf`, and how many there are. */
export async function readRecentInstallAttempts(
  db: Knex,
  customerId: string,
  asOf: number,
  limit: number,
) {
  const rows = await recentAttempts(limit)(db, { customerId, asOf });
  return { rows, total: rows.length > 0 ? Number(rows[0].total_attempts) : 0 };
}

type AttemptsQuery = ReturnType<
  typeof preparedQuery<{ customerId: string; asOf: number }>
>;

/** One statement per limit: Knex binds the limit only as a number. */
const recentAttemptsByLimit = new Map<number, AttemptsQuery>();

function recentAttempts(limit: number): AttemptsQuery {
  let query = recentAttemptsByLimit.get(limit);
  if (!query) {
    // The total rides along each row (a window count, computed before the
    // limit): one statement instead of a second one for the count.
    query = preparedQuery<{ customerId: string; asOf: number }>((db, param) =>
      // An attempt exists from its earliest event and is ordered by its
      // start as it was at asOf (installAttemptQuery.ts, startedAtAsOfSql).
      db('install_attempts')
        .where({ customer_id: param('customerId') })
        .andWhere('first_event_at', '<=', param('asOf'))
        .select('*', db.raw('count(*) over () as total_attempts'))
        .orderByRaw(`${startedAtAsOfSql('install_attempts')} desc, id asc`, [
          param('asOf'),
        ])
        .limit(limit),
    );
    recentAttemptsByLimit.set(limit, query);
  }
  return query;
}
