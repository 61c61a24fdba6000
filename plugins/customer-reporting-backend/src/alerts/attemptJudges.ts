import {
  attemptsAsOf,
  filteredAttempts,
} from '../database/installAttemptQuery';
import { troubledAttemptStatus } from './conditions';
import { JudgeContext, Judgement } from './judgement';
import { applyRuleFilters } from './ruleFilters';

const COLUMNS = [
  'a.id',
  'a.customer_id',
  'a.started_at',
  'a.completed_at',
  'a.failed_at',
  'a.discarded_at',
  'a.last_event_at',
  'a.failed_step',
  'a.furthest_step',
  'a.reason',
];

/**
 * An install attempt stalled or failed; it recovers when it succeeds, and
 * a stalled one also when it is discarded or reports a new step (a failed
 * one stays failed).
 */
export async function judgeInstallAttemptFailed(
  ctx: JudgeContext,
): Promise<Judgement[]> {
  // Candidates in SQL: troubled with activity in the look-back and within
  // the rule's filters; and the firing ones, whatever the filters say now,
  // so that a rule whose filters changed still tells their recovery.
  const cut = await attemptsAsOf(ctx.db, ctx.asOf, ctx.stalledAfterMs);
  const attempts = (ids?: string[]) => {
    const inner = filteredAttempts(ctx.db, {}, cut, 'all', COLUMNS);
    if (ids) inner.whereIn('id', ids);
    else
      inner
        .whereIn('status', ['failed', 'stalled'])
        .andWhere('last_event_at', '>=', ctx.asOf - ctx.lookbackMs);
    const query = ctx
      .db('customers as c')
      .join(inner.as('a'), 'a.customer_id', 'c.id')
      .select('a.*');
    return ids
      ? query
      : applyRuleFilters(query, ctx.rule.filters, ctx.customerIds);
  };
  const rows = await attempts();
  const seen = new Set(rows.map((r: { id: string }) => r.id));
  const firingOnly = ctx.firing.filter(id => !seen.has(id));
  if (firingOnly.length > 0) rows.push(...(await attempts(firingOnly)));
  const at = (v: unknown) =>
    v === null || v === undefined || Number(v) > ctx.asOf ? null : Number(v);
  return rows.map((r: any) => {
    const lastEventAt = Number(r.last_event_at);
    const times = {
      completedAt: at(r.completed_at),
      failedAt: at(r.failed_at),
      discardedAt: at(r.discarded_at),
    };
    const status = troubledAttemptStatus(
      {
        ...times,
        // An attempt with events after asOf counts from its latest event
        // by then (docs/metrics.md), which the cut selects.
        lastEventAt:
          lastEventAt <= ctx.asOf
            ? lastEventAt
            : Number(r.cut_last_at ?? r.started_at),
      },
      ctx.asOf,
      ctx.stalledAfterMs,
    );
    return {
      subject: r.id,
      customerId: r.customer_id,
      firing: status !== null,
      summary: attemptSummary(r, status, times),
      link: `/customer-reporting/install-attempts?customerId=${encodeURIComponent(
        r.customer_id,
      )}`,
    };
  });
}

/** Why it fires, or why it recovered: it succeeded, was discarded or moves again. */
function attemptSummary(
  attempt: {
    id: string;
    failed_step?: string;
    furthest_step?: string;
    reason?: string;
  },
  status: 'failed' | 'stalled' | null,
  times: { completedAt: number | null; discardedAt: number | null },
): string {
  const name = `install attempt ${attempt.id}`;
  if (status === 'failed') {
    const step =
      attempt.failed_step ?? attempt.furthest_step ?? 'an unknown step';
    return `${name} failed at ${step}${
      attempt.reason ? `: ${attempt.reason}` : ''
    }`;
  }
  if (status === 'stalled')
    return `${name} stalled after ${attempt.furthest_step ?? 'start'}`;
  if (times.completedAt !== null) return `${name} succeeded`;
  if (times.discardedAt !== null) return `${name} was discarded`;
  return `${name} is moving again`;
}
