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

/** An install attempt stalled or failed (recovers when it succeeds). */
export async function judgeInstallAttemptFailed(
  ctx: JudgeContext,
): Promise<Judgement[]> {
  // Candidates in SQL: troubled with activity in the look-back, or firing.
  const attempts = filteredAttempts(
    ctx.db,
    {},
    await attemptsAsOf(ctx.db, ctx.asOf, ctx.stalledAfterMs),
    'all',
    COLUMNS,
  ).where(q =>
    q
      .where(w =>
        w
          .whereIn('status', ['failed', 'stalled'])
          .andWhere('last_event_at', '>=', ctx.asOf - ctx.lookbackMs),
      )
      .orWhereIn('id', ctx.firing),
  );
  const rows = await applyRuleFilters(
    ctx.db('customers as c').join(attempts.as('a'), 'a.customer_id', 'c.id'),
    ctx.rule.filters,
    ctx.customerIds,
  ).select('a.*');
  const at = (v: unknown) =>
    v === null || v === undefined || Number(v) > ctx.asOf ? null : Number(v);
  return rows.map((r: any) => {
    const lastEventAt = Number(r.last_event_at);
    const status = troubledAttemptStatus(
      {
        completedAt: at(r.completed_at),
        failedAt: at(r.failed_at),
        discardedAt: at(r.discarded_at),
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
      summary: attemptSummary(r, status),
      link: `/customer-reporting/install-attempts?customerId=${encodeURIComponent(
        r.customer_id,
      )}`,
    };
  });
}

function attemptSummary(
  attempt: {
    id: string;
    failed_step?: string;
    furthest_step?: string;
    reason?: string;
  },
  status: 'failed' | 'stalled' | null,
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
  return `${name} is moving again`;
}
