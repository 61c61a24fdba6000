import { Knex } from 'knex';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ALERT_THRESHOLDS,
  AlertEventType,
  alertNotificationTopic,
} from '@customer-reporting/plugin-customer-reporting-common';
import { judgeInstallAttemptFailed } from './attemptJudges';
import { judgeLicenseExpiring, judgeVersionsBehind } from './customerJudges';
import {
  DatabaseAlertDeliveriesStore,
  RuleStates,
} from './DatabaseAlertDeliveriesStore';
import {
  DatabaseAlertRulesStore,
  isMuted,
  StoredAlertRule,
} from './DatabaseAlertRulesStore';
import {
  judgeInstanceFirstReady,
  judgeInstanceInactive,
  judgeInstanceUnavailable,
} from './instanceJudges';
import { JudgeContext, Judgement } from './judgement';
import { settleAtMost } from './settleAtMost';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';

const JUDGES: Record<
  AlertEventType,
  (ctx: JudgeContext, threshold: number) => Promise<Judgement[]>
> = {
  'instance-unavailable': judgeInstanceUnavailable,
  'instance-inactive': judgeInstanceInactive,
  'install-attempt-failed': judgeInstallAttemptFailed,
  'license-expiring': judgeLicenseExpiring,
  'versions-behind': judgeVersionsBehind,
  'instance-first-ready': judgeInstanceFirstReady,
};

/** Rules judged side by side, each holding a database connection. */
const RULES_JUDGED_AT_ONCE = 4;

/** Events are told once and never recover. */
const ONE_SHOT: readonly AlertEventType[] = ['instance-first-ready'];

export interface AlertEvaluatorOptions {
  db: Knex;
  rules: DatabaseAlertRulesStore;
  deliveries: DatabaseAlertDeliveriesStore;
  notifications: NotificationService;
  logger: LoggerService;
  clock: () => number;
  activeWindowMs: number;
  stalledAfterMs: number;
  lookbackMs: number;
  /**
   * Recipient when a rule names none and the customer has no owner; null
   * when it may not read such a customer (`readOwnCustomersOnly`).
   */
  defaultOwner: string | null;
}

/** What one evaluation did, for logs, tests and the bench. */
export interface EvaluationResult {
  rules: number;
  judged: number;
  sent: number;
  /** Rules whose evaluation failed (logged; judged again next time). */
  failed: number;
}

/**
 * Judges every enabled rule at `asOf` and notifies on changes: a subject
 * that starts firing, and one that recovers. Each (rule, subject, episode,
 * change) is claimed in the database before it is sent, so however many
 * evaluators run (replicas, the scheduler and the ingest hook, a restart),
 * each change is sent once. Muted subjects are not judged: when the mute
 * ends and the condition still holds, it is told then.
 */
export class AlertEvaluator {
  constructor(private readonly options: AlertEvaluatorOptions) {}

  async evaluate(
    query: { asOf?: number; customerIds?: string[] } = {},
  ): Promise<EvaluationResult> {
    const { rules, deliveries, clock } = this.options;
    const asOf = query.asOf ?? clock();
    const result = { rules: 0, judged: 0, sent: 0, failed: 0 };
    if (query.customerIds && query.customerIds.length === 0) return result;
    const enabled = await rules.listRules({ enabledOnly: true });
    const states = await deliveries.statesOf(
      enabled.map(rule => rule.id),
      query.customerIds,
    );
    // Judging only reads: the rules are judged side by side, one rule's
    // queries running while another's rows are worked on. The changes are
    // then told rule by rule, in order, as before.
    const judged = await settleAtMost(RULES_JUDGED_AT_ONCE, enabled, rule =>
      this.judge(rule, states.get(rule.id)!, asOf, query),
    );
    for (const [i, rule] of enabled.entries()) {
      result.rules += 1;
      try {
        const outcome = judged[i];
        if (outcome.status === 'rejected') throw outcome.reason;
        result.judged += outcome.value.length;
        result.sent += await this.notifyChanges(
          rule,
          outcome.value,
          states.get(rule.id)!,
          asOf,
        );
      } catch (error) {
        // One broken rule (or a database hiccup) does not hold up the others;
        // the next evaluation judges it again.
        result.failed += 1;
        this.options.logger.error(
          `Alert rule ${rule.id} could not be evaluated: ${error}`,
        );
      }
    }
    return result;
  }

  /** The rule's judgement of every subject that may fire or recover. */
  private judge(
    rule: StoredAlertRule,
    states: RuleStates,
    asOf: number,
    query: { customerIds?: string[] },
  ): Promise<Judgement[]> {
    return JUDGES[rule.eventType](
      {
        db: this.options.db,
        rule,
        asOf,
        customerIds: query.customerIds,
        firing: [...states]
          .filter(([, state]) => state.firing)
          .map(([subject]) => subject),
        activeWindowMs: this.options.activeWindowMs,
        stalledAfterMs: this.options.stalledAfterMs,
        lookbackMs: this.options.lookbackMs,
      },
      rule.threshold ?? ALERT_THRESHOLDS[rule.eventType]?.default ?? 0,
    );
  }

  private async notifyChanges(
    rule: StoredAlertRule,
    judgements: Judgement[],
    states: RuleStates,
    asOf: number,
  ): Promise<number> {
    const { deliveries } = this.options;
    const changes = judgements.filter(j => {
      const state = states.get(j.subject);
      if (isMuted(rule, j.subject, asOf)) return false;
      if (j.firing) return !state?.firing;
      return state?.firing === true && !ONE_SHOT.includes(rule.eventType);
    });
    if (changes.length === 0) return 0;
    // Recipients a rule names hear only of customers its last editor may
    // read: a manager who reads its own customers cannot send itself the
    // names of others. Each customer's owner (no recipients named) hears
    // of its own. A change left out is not claimed: it is told if the rule
    // is saved by someone who may read its customer.
    const told = rule.recipients.length > 0 ? rule.readsAs ?? 'all' : 'all';
    const customers = await this.customers(
      changes.map(c => c.customerId),
      told,
    );
    let sent = 0;
    for (const change of changes) {
      if (told !== 'all' && !customers.has(change.customerId)) continue;
      const customer = customers.get(change.customerId);
      const owner = customer?.owner ?? this.options.defaultOwner;
      // Nobody who may read a customer without owner is told of it: not
      // claimed, it is told to its owner once it has one.
      if (rule.recipients.length === 0 && owner === null) continue;
      const recipients =
        rule.recipients.length > 0 ? rule.recipients : [owner as string];
      const state = states.get(change.subject);
      const episode = change.firing
        ? (state?.episode ?? 0) + 1
        : state!.episode;
      const kind = change.firing ? 'firing' : 'recovered';
      const name = customer?.name ?? change.customerId;
      const title = change.firing
        ? `${name}: ${change.summary}`
        : `Recovered: ${name}: ${change.summary}`;
      const claimed = await deliveries.claim({
        ruleId: rule.id,
        ruleCreatedAt: rule.createdAt,
        ruleName: rule.name,
        eventType: rule.eventType,
        subject: change.subject,
        customerId: change.customerId,
        episode,
        kind,
        title,
        recipients,
        at: asOf,
        sentAt: this.options.clock(),
      });
      if (!claimed) continue;
      try {
        await this.options.notifications.send({
          recipients: { type: 'entity', entityRef: recipients },
          payload: {
            title,
            description: `Alert rule "${rule.name}" (${
              rule.eventType
            }), judged at ${new Date(asOf).toISOString()}.`,
            link: change.link,
            severity: change.firing ? 'high' : 'normal',
            topic: alertNotificationTopic(rule.eventType),
            // One notification per rule and subject: a repeat or recovery updates it.
            scope: `customer-reporting:${rule.id}:${change.subject}`,
          },
        });
        sent += 1;
      } catch (error) {
        this.options.logger.warn(
          `Could not send alert ${rule.id} for ${change.subject}: ${error}`,
        );
        await deliveries.recordError(claimed, String(error));
      }
    }
    return sent;
  }

  /** These customers, those of them `filter` lets through. */
  private async customers(ids: string[], filter: CustomerFilter) {
    const rows: { id: string; name: string; owner: string | null }[] =
      await applyCustomerFilter(
        this.options.db('customers as c').whereIn('c.id', [...new Set(ids)]),
        filter,
      ).select('c.id', 'c.name', 'c.owner');
    return new Map(
      rows.map(r => [r.id, { name: r.name, owner: r.owner ?? null }]),
    );
  }
}
