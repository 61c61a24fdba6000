import { Knex } from 'knex';
import {
  AlertDelivery,
  AlertEventType,
} from '@customer-reporting/plugin-customer-reporting-common';
import { BulkTable, insertNewRows } from '../database/bulkRows';
import { toIso } from '../database/time';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';

/** The delivery log, as bulkRows writes it: a claim's key is unique. */
const ALERT_DELIVERIES: BulkTable = {
  name: 'alert_deliveries',
  columns: [
    'delivery_key',
    'rule_id',
    'rule_name',
    'event_type',
    'subject',
    'customer_id',
    'kind',
    'title',
    'recipients',
    'at',
    'sent_at',
  ],
  pgTypes: [
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'bigint',
    'bigint',
  ],
  key: ['delivery_key'],
};

export interface AlertState {
  customerId: string;
  episode: number;
  firing: boolean;
}

/** A rule's states by subject. */
export type RuleStates = Map<string, AlertState>;

/** A notification about to be sent, as the log keeps it. */
export interface DeliveryClaim {
  ruleId: string;
  /** Creation time of the rule: a rule deleted and made again starts afresh. */
  ruleCreatedAt: number;
  ruleName: string;
  eventType: AlertEventType;
  subject: string;
  customerId: string;
  episode: number;
  kind: 'firing' | 'recovered';
  title: string;
  recipients: string[];
  at: number;
  sentAt: number;
}

/**
 * What the evaluator remembers (tables alert_states, alert_deliveries): which
 * subjects fire, and every notification sent. A delivery is claimed by
 * inserting its unique key before sending, so two evaluators (replicas, or a
 * restart halfway) never send the same change twice.
 */
/**
 * Whether a judgement no longer stands, read in the claim's transaction:
 * its rule was deleted, made again or changed to another event type since
 * the evaluation read it (the judgement is about a condition the rule no
 * longer watches), or the subject's state was changed by a judgement at a
 * later time (a replica whose clock lags, or a clock set back, would tell
 * a false recovery and then fire again).
 */
async function isStale(tx: Knex, delivery: DeliveryClaim): Promise<boolean> {
  const rule = await tx('alert_rules')
    .where({ id: delivery.ruleId })
    .first('event_type', 'created_at');
  if (
    !rule ||
    rule.event_type !== delivery.eventType ||
    Number(rule.created_at) !== delivery.ruleCreatedAt
  )
    return true;
  const state = await tx('alert_states')
    .where({ rule_id: delivery.ruleId, subject: delivery.subject })
    .first('changed_at');
  return state !== undefined && Number(state.changed_at) > delivery.at;
}

export class DatabaseAlertDeliveriesStore {
  constructor(private readonly db: Knex) {}

  /**
   * What the rules remember about their subjects, per rule and subject,
   * optionally of some customers only: one read for a whole evaluation,
   * which gives both the subjects that fire (judged again) and the state
   * each judgement is compared with.
   */
  async statesOf(
    ruleIds: string[],
    customerIds?: string[],
  ): Promise<Map<string, RuleStates>> {
    const byRule = new Map<string, RuleStates>(
      ruleIds.map(id => [id, new Map()]),
    );
    if (ruleIds.length === 0) return byRule;
    const query = this.db('alert_states')
      .whereIn('rule_id', ruleIds)
      .select('rule_id', 'subject', 'customer_id', 'episode', 'firing')
      .orderBy(['rule_id', 'subject']);
    if (customerIds) query.whereIn('customer_id', customerIds);
    for (const r of await query)
      byRule.get(r.rule_id)!.set(r.subject, {
        customerId: r.customer_id,
        episode: Number(r.episode),
        firing: Boolean(r.firing),
      });
    return byRule;
  }

  /**
   * Claims the delivery: its key when this caller inserted it (and must
   * send), null when another evaluator already did or the judgement is
   * stale. Only the claim moves the subject's state.
   */
  async claim(delivery: DeliveryClaim): Promise<string | null> {
    const key = [
      `${delivery.ruleId}@${delivery.ruleCreatedAt}`,
      delivery.subject,
      delivery.episode,
      delivery.kind,
    ].join('|');
    const claimed = await this.db.transaction(async tx => {
      if (await isStale(tx, delivery)) return null;
      const [inserted] = await insertNewRows(tx, ALERT_DELIVERIES, [
        [
          key,
          delivery.ruleId,
          delivery.ruleName,
          delivery.eventType,
          delivery.subject,
          delivery.customerId,
          delivery.kind,
          delivery.title.slice(0, 500),
          JSON.stringify(delivery.recipients),
          delivery.at,
          delivery.sentAt,
        ],
      ]);
      if (!inserted) return null;
      const state = {
        customer_id: delivery.customerId,
        episode: delivery.episode,
        firing: delivery.kind === 'firing',
        changed_at: delivery.at,
      };
      await tx('alert_states')
        .insert({
          rule_id: delivery.ruleId,
          subject: delivery.subject,
          ...state,
        })
        .onConflict(['rule_id', 'subject'])
        .merge(state);
      return key;
    });
    return claimed;
  }

  /** Notes why a claimed delivery could not be sent. */
  async recordError(deliveryKey: string, error: string): Promise<void> {
    await this.db('alert_deliveries')
      .where({ delivery_key: deliveryKey })
      .update({ error: error.slice(0, 2000) });
  }

  /** Deletes deliveries sent before `sentBefore`; returns how many. */
  async deleteBefore(sentBefore: number): Promise<number> {
    return this.db('alert_deliveries')
      .where('sent_at', '<', sentBefore)
      .delete();
  }

  /** The newest deliveries about customers the caller may read. */
  async listDeliveries(
    customerFilter: CustomerFilter,
    /** `sentBy`: the log as it stood then, deliveries sent by that time. */
    options: { limit: number; ruleId?: string; sentBy: number },
  ): Promise<AlertDelivery[]> {
    const query = applyCustomerFilter(
      this.db('alert_deliveries as d').join(
        'customers as c',
        'c.id',
        'd.customer_id',
      ),
      customerFilter,
    )
      .where('d.sent_at', '<=', options.sentBy)
      .select('d.*')
      .orderBy([
        { column: 'd.sent_at', order: 'desc' },
        { column: 'd.id', order: 'desc' },
      ])
      .limit(options.limit);
    if (options.ruleId) query.where('d.rule_id', options.ruleId);
    return (await query).map((r: any) => ({
      ruleId: r.rule_id,
      ruleName: r.rule_name,
      eventType: r.event_type,
      subject: r.subject,
      customerId: r.customer_id,
      kind: r.kind,
      title: r.title,
      recipients: JSON.parse(r.recipients),
      at: toIso(r.at)!,
      sentAt: toIso(r.sent_at)!,
      error: r.error ?? null,
    }));
  }
}
