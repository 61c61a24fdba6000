import { createHash } from 'crypto';
import { Knex } from 'knex';

const TABLES = [
  'apps',
  'channels',
  'releases',
  'customers',
  'instances',
  'check_ins',
  'instance_events',
  'instance_spans',
  'install_attempt_events',
  'install_attempts',
  'portal_events',
  'audit_events',
];

/** Row counts and a hash of every row of every table: equal means unchanged. */
export async function databaseChecksum(
  knex: Knex,
): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const rows = await knex(table).select();
    const lines = rows.map(row => JSON.stringify(row)).sort();
    result[table] = `${rows.length}:${createHash('sha256')
      .update(lines.join('\n'))
      .digest('hex')}`;
  }
  return result;
}
