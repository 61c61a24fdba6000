import { Knex } from 'knex';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { CustomerPermissionQuery } from '@customer-reporting/plugin-customer-reporting-node';

/** Which customers a caller may see: all, none, or those matching criteria. */
export type CustomerFilter =
  | 'all'
  | 'none'
  | PermissionCriteria<CustomerPermissionQuery>;

/**
 * Applies a customer filter as SQL to a query in which the customers table
 * has the alias `alias`, so lists are filtered in the database.
 */
export function applyCustomerFilter(
  query: Knex.QueryBuilder,
  filter: CustomerFilter,
  alias = 'c',
): Knex.QueryBuilder {
  if (filter === 'all') return query;
  if (filter === 'none') return query.whereRaw('1 = 0');
  return query.where(builder => applyCriteria(builder, filter, alias));
}

function applyCriteria(
  builder: Knex.QueryBuilder,
  criteria: PermissionCriteria<CustomerPermissionQuery>,
  alias: string,
) {
  if (isAndCriteria(criteria)) {
    for (const part of criteria.allOf)
      builder.andWhere(b => applyCriteria(b, part, alias));
  } else if (isOrCriteria(criteria)) {
    for (const part of criteria.anyOf)
      builder.orWhere(b => applyCriteria(b, part, alias));
  } else if (isNotCriteria(criteria)) {
    builder.whereNot(b => applyCriteria(b, criteria.not, alias));
  } else {
    // A customer without an owner matches no IS_CUSTOMER_OWNER, as the rule's
    // apply says: false, not SQL's unknown, which `not` would keep unknown
    // and so hide the customer from lists that its own report is shown to.
    const column = `${alias}.${criteria.column}`;
    builder.whereNotNull(column).whereIn(column, criteria.values);
  }
}
