import { Knex } from 'knex';
import { AlertRuleFilters } from '@customer-reporting/plugin-customer-reporting-common';

/**
 * Applies a rule's filters to a query joining the customers table as `c`;
 * an empty list does not filter. `customerIds` narrows an evaluation to the
 * customers an ingest touched.
 */
export function applyRuleFilters(
  query: Knex.QueryBuilder,
  filters: AlertRuleFilters,
  customerIds?: string[],
): Knex.QueryBuilder {
  const columns: [keyof AlertRuleFilters, string][] = [
    ['appSlugs', 'c.app_slug'],
    ['channelSlugs', 'c.channel_slug'],
    ['licenseTypes', 'c.license_type'],
    ['customerIds', 'c.id'],
    ['owners', 'c.owner'],
  ];
  for (const [key, column] of columns)
    if (filters[key].length > 0) query.whereIn(column, valuesOf(key, filters));
  if (customerIds) query.whereIn('c.id', customerIds);
  return query;
}

/**
 * A filter's values as the customers table holds them: owners are entity
 * refs, compared case-insensitively and stored lowercase, whatever case a
 * rule was saved with.
 */
function valuesOf(key: keyof AlertRuleFilters, filters: AlertRuleFilters) {
  return key === 'owners'
    ? filters.owners.map(ref => ref.toLocaleLowerCase('en-US'))
    : filters[key];
}
