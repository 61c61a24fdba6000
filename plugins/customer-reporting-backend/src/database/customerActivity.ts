import { Knex } from 'knex';

/** Portal activity of a customer up to `asOf`, aggregated in SQL. */
export async function readPortalActivity(
  db: Knex,
  customerId: string,
  asOf: number,
) {
  const base = () =>
    db('portal_events')
      .where({ customer_id: customerId })
      .andWhere('at', '<=', asOf);
  // Independent reads: on PostgreSQL they run side by side on the pool.
  const [byType, users, lastDownload] = await Promise.all([
    base()
      .groupBy('type')
      .select('type')
      .count({ count: '*' })
      .min({ first: 'at' })
      .max({ last: 'at' }),
    base()
      .whereIn('type', ['user-invited', 'user-joined'])
      .whereNotNull('email')
      .groupBy('email')
      .select(
        'email',
        db.raw(
          `max(case when type = 'user-joined' then 1 else 0 end) as joined`,
        ),
      )
      .orderBy('email')
      .limit(500),
    base()
      .where({ type: 'downloaded' })
      .orderBy('at', 'desc')
      .first('at', 'version'),
  ]);
  return {
    byType: new Map(
      (byType as any[]).map(r => [
        r.type as string,
        {
          count: Number(r.count),
          first: Number(r.first),
          last: Number(r.last),
        },
      ]),
    ),
    users: users.map(u => ({
      email: u.email as string,
      joined: Number(u.joined) === 1,
    })),
    lastDownload: lastDownload
      ? { at: Number(lastDownload.at), version: lastDownload.version ?? null }
      : null,
  };
}

/** The customer's most recent install attempts started by `asOf`, and how many there are. */
export async function readRecentInstallAttempts(
  db: Knex,
  customerId: string,
  asOf: number,
  limit: number,
) {
  // The total rides along each row (a window count, computed before the
  // limit): one statement instead of a second one for the count.
  const rows = await db('install_attempts')
    .where({ customer_id: customerId })
    .andWhere('started_at', '<=', asOf)
    .select('*', db.raw('count(*) over () as total_attempts'))
    .orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id' }])
    .limit(limit);
  return { rows, total: rows.length > 0 ? Number(rows[0].total_attempts) : 0 };
}
