import { Knex } from 'knex';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AlertEventType,
  AlertRuleFilters,
} from '@customer-reporting/plugin-customer-reporting-common';
import { chunk, ROWS_PER_INSERT } from '../database/chunk';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';
import type { StoredAlertRule } from './DatabaseAlertRulesStore';

/** The spec's bound of `filters.customerIds`. */
const MAX_CUSTOMER_IDS = 100;

/** The table whose ids are the subjects of a rule of the event type. */
type SubjectTable = 'instances' | 'install_attempts' | 'customers';

const SUBJECT_TABLE: Record<AlertEventType, SubjectTable> = {
  'instance-unavailable': 'instances',
  'instance-inactive': 'instances',
  'instance-first-ready': 'instances',
  'install-attempt-failed': 'install_attempts',
  'license-expiring': 'customers',
  'versions-behind': 'customers',
};

/** The parts of a rule that name customers, directly or through a subject. */
export interface RuleCustomerRefs {
  eventType: AlertEventType;
  filters: Pick<AlertRuleFilters, 'customerIds'>;
  mutes: Pick<StoredAlertRule['mutes'][number], 'subject'>[];
}

/**
 * Which of the customer ids and mute subjects of some rules a caller may
 * see: all, or the readable ones among them (`<table>:<id>`). An id that
 * names no row is not readable, so a caller whose reads are conditional
 * cannot tell an unknown customer from a foreign one.
 */
export type RuleVisibility = 'all' | Set<string>;

/** Whether the caller may see the customer id of a rule's filters. */
export function seesCustomerId(visibility: RuleVisibility, id: string) {
  return visibility === 'all' || visibility.has(`customers:${id}`);
}

/** Whether the caller may see a mute: the whole rule's, or its subject's customer. */
export function seesMuteSubject(
  visibility: RuleVisibility,
  eventType: AlertEventType,
  subject: string | null,
) {
  return (
    subject === null ||
    visibility === 'all' ||
    visibility.has(`${SUBJECT_TABLE[eventType]}:${subject}`)
  );
}

/**
 * Reads, for a caller whose customer reads are `filter`, which of the
 * rules' customer ids and mute subjects belong to customers it may read.
 */
export async function ruleVisibility(
  db: Knex,
  rules: RuleCustomerRefs[],
  filter: CustomerFilter,
): Promise<RuleVisibility> {
  if (filter === 'all') return 'all';
  const ids = new Map<SubjectTable, Set<string>>();
  const add = (table: SubjectTable, id: string) =>
    ids.set(table, (ids.get(table) ?? new Set()).add(id));
  for (const rule of rules) {
    for (const id of rule.filters.customerIds) add('customers', id);
    for (const { subject } of rule.mutes)
      if (subject !== null) add(SUBJECT_TABLE[rule.eventType], subject);
  }
  const readable = new Set<string>();
  for (const [table, tableIds] of ids) {
    for (const part of chunk([...tableIds], ROWS_PER_INSERT)) {
      // The customer read rules as SQL over the subject's customer.
      const query =
        table === 'customers'
          ? db('customers as c').whereIn('c.id', part).select('c.id')
          : db(`${table} as s`)
              .join('customers as c', 'c.id', 's.customer_id')
              .whereIn('s.id', part)
              .select('s.id');
      for (const row of await applyCustomerFilter(query, filter))
        readable.add(`${table}:${row.id}`);
    }
  }
  return readable;
}

/**
 * The filters a caller's `PUT` stores: the customer ids it sent, which it
 * must be able to read (it cannot aim a rule at a customer it may not
 * read), plus those of the current rule it may not see. It was shown the
 * rule without them, so leaving them out of its input does not remove them:
 * an edit neither drops a customer it never saw nor widens the rule to
 * every customer.
 */
export function keepHiddenCustomerIds(
  input: AlertRuleFilters,
  current: RuleCustomerRefs | undefined,
  visibility: RuleVisibility,
): AlertRuleFilters {
  const refused = input.customerIds.filter(
    id => !seesCustomerId(visibility, id),
  );
  if (refused.length > 0)
    throw new NotAllowedError(
      `filters.customerIds: not allowed to read customer ${refused.join(', ')}`,
    );
  const hidden = (current?.filters.customerIds ?? []).filter(
    id => !seesCustomerId(visibility, id),
  );
  const customerIds = [...input.customerIds, ...hidden];
  // The spec's bound, so that whoever reads the whole rule can save it back.
  if (customerIds.length > MAX_CUSTOMER_IDS)
    throw new InputError(
      `filters.customerIds: at most ${MAX_CUSTOMER_IDS} customers, with the rule's ${hidden.length} you may not read, which it keeps`,
    );
  return { ...input, customerIds };
}
