import { Knex } from 'knex';
import {
  AlertEventType,
  AlertRule,
  AlertRuleInput,
} from '@customer-reporting/plugin-customer-reporting-common';
import { toIso } from '../database/time';
import { CustomerFilter } from '../permissions/customerFilter';
import {
  RuleCustomerRefs,
  RuleVisibility,
  ruleVisibility,
  seesCustomerId,
  seesMuteSubject,
} from './ruleVisibility';

/** A rule as the evaluator uses it: times as epoch milliseconds. */
export interface StoredAlertRule extends AlertRuleInput {
  id: string;
  /** Whole-rule mute end, and per-subject mute ends. */
  mutes: { subject: string | null; until: number; createdBy: string }[];
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
  /**
   * The customers its last editor could read when saving it: a rule that
   * names its recipients tells them only of these (docs/alerts.md). null
   * for rules saved before this was kept: they tell of every customer.
   */
  readsAs: CustomerFilter | null;
}

/**
 * A version of a stored rule, as a save is based on it: every save sets
 * `updatedAt` and `updatedBy` (two saves by one caller within one
 * millisecond pass for one version; with the same reads, neither can drop
 * an id the other could not see).
 */
export type RuleVersion =
  | Pick<StoredAlertRule, 'eventType' | 'updatedAt' | 'updatedBy'>
  | undefined;

/** Alert rules and their mutes (table alert_rules, alert_mutes). */
export class DatabaseAlertRulesStore {
  constructor(private readonly db: Knex) {}

  async listRules(options: { enabledOnly?: boolean } = {}) {
    const query = this.db('alert_rules').orderBy(['name', 'id']);
    if (options.enabledOnly) query.where({ enabled: true });
    const rows = await query;
    // Every ingest asks for the enabled rules: with none, one statement.
    if (rows.length === 0) return [];
    const mutes = await this.db('alert_mutes')
      .whereIn(
        'rule_id',
        rows.map(r => r.id),
      )
      .orderBy(['rule_id', 'subject']);
    return rows.map(
      (r): StoredAlertRule => ({
        id: r.id,
        name: r.name,
        eventType: r.event_type as AlertEventType,
        threshold: r.threshold === null ? null : Number(r.threshold),
        filters: JSON.parse(r.filters),
        recipients: JSON.parse(r.recipients),
        enabled: Boolean(r.enabled),
        createdAt: Number(r.created_at),
        updatedAt: Number(r.updated_at),
        updatedBy: r.updated_by,
        readsAs: r.reads_as === null ? null : JSON.parse(r.reads_as),
        mutes: mutes
          .filter(m => m.rule_id === r.id)
          .map(m => ({
            subject: m.subject === '' ? null : m.subject,
            until: Number(m.until),
            createdBy: m.created_by,
          })),
      }),
    );
  }

  async getRule(id: string): Promise<StoredAlertRule | undefined> {
    return (await this.listRules()).find(r => r.id === id);
  }

  /** Which of the rules' customers a caller whose reads are `filter` may see. */
  async visibility(
    rules: RuleCustomerRefs[],
    filter: CustomerFilter,
  ): Promise<RuleVisibility> {
    return ruleVisibility(this.db, rules, filter);
  }

  /**
   * Creates or replaces the rule, saved by `actor` who may read `readsAs`.
   * `basedOn` is the rule as the caller read it (undefined: there was
   * none): the write applies only if the rule is still that version, else
   * 'conflict' and nothing is written, since what the caller derived from
   * it (the customer ids it may not see and keeps) may be stale. Without
   * `basedOn`, the rule as it is now.
   */
  async putRule(
    id: string,
    rule: AlertRuleInput,
    actor: string,
    now: number,
    readsAs: CustomerFilter = 'all',
    options: { basedOn?: RuleVersion } = {},
  ): Promise<'created' | 'replaced' | 'conflict'> {
    const values = {
      name: rule.name,
      event_type: rule.eventType,
      threshold: rule.threshold,
      filters: JSON.stringify(rule.filters),
      recipients: JSON.stringify(rule.recipients),
      enabled: rule.enabled,
      updated_at: now,
      updated_by: actor,
      reads_as: JSON.stringify(readsAs),
    };
    return this.db.transaction(async tx => {
      const basedOn =
        'basedOn' in options
          ? options.basedOn
          : await tx('alert_rules')
              .where({ id })
              .first(
                'event_type as eventType',
                'updated_at as updatedAt',
                'updated_by as updatedBy',
              );
      // The guard is in the writing statement itself: a concurrent save
      // or deletion between the caller's read and this write makes it
      // write nothing (PostgreSQL re-checks the WHERE once the other
      // transaction commits; SQLite runs one writer at a time).
      const written = basedOn
        ? await tx('alert_rules')
            .where({
              id,
              updated_at: basedOn.updatedAt,
              updated_by: basedOn.updatedBy,
            })
            .update(values)
        : (
            await tx('alert_rules')
              .insert({ id, ...values, created_at: now })
              .onConflict('id')
              .ignore()
              .returning('id')
          ).length;
      if (written === 0) return 'conflict';
      if (!basedOn) {
        // A rule made again starts afresh: an evaluation that was judging the
        // deleted rule may have recorded a state for it after its deletion.
        await tx('alert_states').where({ rule_id: id }).delete();
      } else if (basedOn.eventType !== rule.eventType) {
        // Its open episodes were about another condition: they end without
        // a recovery (judging them by the new type would tell a false one).
        // The episode counts stay, so the next firing is a new delivery.
        await tx('alert_states')
          .where({ rule_id: id, firing: true })
          .update({ firing: false, changed_at: now });
      }
      return basedOn ? 'replaced' : 'created';
    });
  }

  /** Deletes the rule, its mutes and states (the delivery log stays). */
  async deleteRule(id: string): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('alert_mutes').where({ rule_id: id }).delete();
      await tx('alert_states').where({ rule_id: id }).delete();
      await tx('alert_rules').where({ id }).delete();
    });
  }

  /** Mutes the rule (subject null) or one subject of it until `until`. */
  async putMute(
    ruleId: string,
    subject: string | null,
    until: number,
    actor: string,
  ): Promise<void> {
    const row = {
      rule_id: ruleId,
      subject: subject ?? '',
      until,
      created_by: actor,
    };
    await this.db('alert_mutes')
      .insert(row)
      .onConflict(['rule_id', 'subject'])
      .merge({ until, created_by: actor });
  }

  async deleteMute(ruleId: string, subject: string | null): Promise<void> {
    await this.db('alert_mutes')
      .where({ rule_id: ruleId, subject: subject ?? '' })
      .delete();
  }
}

/** Whether the rule, or this subject of it, is muted at `at`. */
export function isMuted(
  rule: Pick<StoredAlertRule, 'mutes'>,
  subject: string,
  at: number,
): boolean {
  return rule.mutes.some(
    m => (m.subject === null || m.subject === subject) && m.until > at,
  );
}

/**
 * The API's view of a rule for a caller who sees `visibility`: customer ids
 * and muted subjects of customers it may not read are left out, the ids
 * counted (docs/alerts.md).
 */
export function toAlertRule(
  rule: StoredAlertRule,
  visibility: RuleVisibility,
): AlertRule {
  const customerIds = rule.filters.customerIds.filter(id =>
    seesCustomerId(visibility, id),
  );
  return {
    id: rule.id,
    name: rule.name,
    eventType: rule.eventType,
    threshold: rule.threshold,
    filters: { ...rule.filters, customerIds },
    hiddenCustomerIds: rule.filters.customerIds.length - customerIds.length,
    recipients: rule.recipients,
    recipientsReadAs: rule.readsAs && {
      by: rule.updatedBy,
      reads: readsKind(rule.readsAs),
    },
    enabled: rule.enabled,
    createdAt: toIso(rule.createdAt)!,
    updatedAt: toIso(rule.updatedAt)!,
    updatedBy: rule.updatedBy,
    mutes: rule.mutes
      .filter(m => seesMuteSubject(visibility, rule.eventType, m.subject))
      .map(m => ({
        subject: m.subject,
        until: toIso(m.until)!,
        createdBy: m.createdBy,
      })),
  };
}

/** How much a saver's reads cover, without telling its criteria. */
function readsKind(filter: CustomerFilter): 'all' | 'some' | 'none' {
  if (filter === 'all' || filter === 'none') return filter;
  return 'some';
}
