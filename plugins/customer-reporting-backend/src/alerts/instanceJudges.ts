import { Knex } from 'knex';
import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { decodeField } from '../ingest/checkInFields';
import { isInactive, downSince, firstReadyWithin } from './conditions';
import { applyRuleFilters } from './ruleFilters';
import { formatMinutes, JudgeContext, Judgement } from './judgement';

/**
 * Instances that may fire, chosen in SQL (index reads over the current
 * instance rows, never history): the rule's filters, unarchived, seen by
 * `asOf`, and a condition per event type. Rows with a check-in after `asOf`
 * are kept, to be judged as they were then.
 */
function candidateInstances(
  ctx: JudgeContext,
  where: (q: Knex.QueryBuilder) => void,
): Promise<string[]> {
  const query = ctx
    .db('instances as i')
    .join('customers as c', 'c.id', 'i.customer_id')
    .where('i.archived', false)
    .andWhere('i.first_seen_at', '<=', ctx.asOf)
    .andWhere(q => {
      where(q);
      q.orWhere('i.last_check_in_at', '>', ctx.asOf);
    })
    .select('i.id');
  applyRuleFilters(query, ctx.rule.filters, ctx.customerIds);
  return query.then(rows => rows.map(r => r.id as string));
}

/**
 * The summary of a judgement: `firing` while it fires, else why it
 * recovered. An archived instance recovers because archiving ends its
 * alerts, though its status did not change: `recovered` ("is unavailable
 * again") would say the opposite of what happened.
 */
function recoveredOr(
  instance: { id: string; archived: boolean },
  firing: string | undefined,
  recovered: string,
): string {
  if (firing !== undefined) return firing;
  return instance.archived ? `instance ${instance.id} was archived` : recovered;
}

async function instancesAsOf(ctx: JudgeContext, ids: string[]) {
  return new DatabaseReportStore(ctx.db).getInstancesById(ids, ctx.asOf);
}

/** Unavailable or missing for at least N minutes (default 30). */
export async function judgeInstanceUnavailable(
  ctx: JudgeContext,
  minutes: number,
): Promise<Judgement[]> {
  const candidates = await candidateInstances(ctx, q =>
    q.whereIn('i.status_rank', [0, 1]),
  );
  const ids = [...new Set([...candidates, ...ctx.firing])];
  const instances = await instancesAsOf(ctx, ids);
  const timelines = await new DatabaseReportStore(ctx.db).getStatusTimelines(
    instances.map(i => i.id),
    ctx.asOf - minutes * 60_000,
    ctx.asOf,
  );
  return instances.map(instance => {
    const since = instance.archived
      ? null
      : downSince(timelines.get(instance.id)!.changes, ctx.asOf, minutes);
    const status =
      decodeField<string>(instance.state, 'appStatus') ?? 'no status';
    return {
      subject: instance.id,
      customerId: instance.customerId,
      firing: since !== null,
      summary: recoveredOr(
        instance,
        since === null
          ? undefined
          : `instance ${instance.id} is ${status} for ${formatMinutes(
              ctx.asOf - since,
            )}`,
        `instance ${instance.id} is ${status} again`,
      ),
      link: `/customer-reporting/instances/${encodeURIComponent(instance.id)}`,
    };
  });
}

/** An online instance went inactive (no check-in for the active window). */
export async function judgeInstanceInactive(
  ctx: JudgeContext,
): Promise<Judgement[]> {
  const inactiveFrom = ctx.asOf - ctx.activeWindowMs;
  const candidates = await candidateInstances(ctx, q =>
    q.where(w =>
      w
        .where('i.airgap', false)
        .andWhere('i.last_check_in_at', '<', inactiveFrom)
        .andWhere('i.last_check_in_at', '>=', inactiveFrom - ctx.lookbackMs),
    ),
  );
  const ids = [...new Set([...candidates, ...ctx.firing])];
  return (await instancesAsOf(ctx, ids)).map(instance => {
    const airgap = decodeField<boolean>(instance.state, 'airgap') ?? false;
    const firing = isInactive(
      { ...instance, airgap },
      ctx.asOf,
      ctx.activeWindowMs,
    );
    const last = new Date(instance.lastCheckInAt).toISOString();
    return {
      subject: instance.id,
      customerId: instance.customerId,
      firing,
      summary: recoveredOr(
        instance,
        firing
          ? `instance ${instance.id} is inactive: no check-in since ${last}`
          : undefined,
        `instance ${instance.id} checks in again (last ${last})`,
      ),
      link: `/customer-reporting/instances/${encodeURIComponent(instance.id)}`,
    };
  });
}

/** A new instance reached ready for the first time, with its time to install. */
export async function judgeInstanceFirstReady(
  ctx: JudgeContext,
): Promise<Judgement[]> {
  const candidates = await candidateInstances(ctx, q =>
    q
      .where('i.first_ready_at', '>=', ctx.asOf - ctx.lookbackMs)
      .andWhere('i.first_ready_at', '<=', ctx.asOf),
  );
  return (await instancesAsOf(ctx, candidates))
    .filter(i => firstReadyWithin(i, ctx.asOf, ctx.lookbackMs))
    .map(instance => ({
      subject: instance.id,
      customerId: instance.customerId,
      firing: true,
      summary: `instance ${
        instance.id
      } is ready for the first time, ${formatMinutes(
        instance.firstReadyAt! - instance.firstSeenAt,
      )} after it was first seen`,
      link: `/customer-reporting/instances/${encodeURIComponent(instance.id)}`,
    }));
}
