import { DatabaseReportStore } from '../database/DatabaseReportStore';
import { decodeField } from '../ingest/checkInFields';
import { instancesBehind, licenseExpiresWithin } from './conditions';
import { JudgeContext, Judgement } from './judgement';
import { applyRuleFilters } from './ruleFilters';

const DAY_MS = 86_400_000;

function customerLink(id: string) {
  return `/customer-reporting/customers/${encodeURIComponent(id)}`;
}

/** The license expires within N days (default 14), or has expired. */
export async function judgeLicenseExpiring(
  ctx: JudgeContext,
  days: number,
): Promise<Judgement[]> {
  const candidates = await applyRuleFilters(
    ctx
      .db('customers as c')
      .where('c.archived', false)
      .andWhere('c.expires_at', '<=', ctx.asOf + days * DAY_MS)
      .select('c.id'),
    ctx.rule.filters,
    ctx.customerIds,
  );
  const ids = [
    ...new Set([...candidates.map((c: { id: string }) => c.id), ...ctx.firing]),
  ];
  if (ids.length === 0) return [];
  const rows = await ctx
    .db('customers')
    .whereIn('id', ids)
    .select('id', 'expires_at', 'archived');
  return rows.map(r => {
    const expiresAt = r.expires_at === null ? null : Number(r.expires_at);
    const firing = licenseExpiresWithin(
      { expiresAt, archived: Boolean(r.archived) },
      ctx.asOf,
      days,
    );
    return {
      subject: r.id,
      customerId: r.id,
      firing,
      summary: licenseSummary(firing, expiresAt, ctx.asOf),
      link: customerLink(r.id),
    };
  });
}

function licenseSummary(
  firing: boolean,
  expiresAt: number | null,
  asOf: number,
): string {
  const when =
    expiresAt === null
      ? 'never'
      : new Date(expiresAt).toISOString().slice(0, 10);
  if (!firing || expiresAt === null) return `license renewed (expires ${when})`;
  if (expiresAt <= asOf) return `license expired on ${when}`;
  return `license expires on ${when}, in ${Math.ceil(
    (expiresAt - asOf) / DAY_MS,
  )} d`;
}

/** Active instances N or more versions behind their channel (default 3). */
export async function judgeVersionsBehind(
  ctx: JudgeContext,
  minimum: number,
): Promise<Judgement[]> {
  // Customers with an active (online or air gap) unarchived instance.
  const query = ctx
    .db('customers as c')
    .whereExists(
      ctx
        .db('instances as i')
        .whereRaw('i.customer_id = c.id')
        .andWhere('i.archived', false)
        .andWhere('i.first_seen_at', '<=', ctx.asOf)
        .andWhere(q =>
          q
            .where('i.airgap', true)
            .orWhere('i.last_check_in_at', '>=', ctx.asOf - ctx.activeWindowMs),
        ),
    )
    .select('c.id', 'c.app_slug', 'c.channel_slug');
  applyRuleFilters(query, ctx.rule.filters, ctx.customerIds);
  const customers = await query;
  const firingOnly = ctx.firing.filter(id => !customers.some(c => c.id === id));
  if (firingOnly.length > 0)
    customers.push(
      ...(await ctx
        .db('customers as c')
        .whereIn('c.id', firingOnly)
        .select('c.id', 'c.app_slug', 'c.channel_slug')),
    );
  const reports = new DatabaseReportStore(ctx.db);
  const releasesByApp = new Map<
    string,
    Awaited<ReturnType<DatabaseReportStore['getReleases']>>
  >();
  for (const app of new Set(customers.map(c => c.app_slug as string)))
    releasesByApp.set(app, await reports.getReleases(app));
  const instances = await reports.getInstancesOf(
    customers.map(c => c.id),
    ctx.asOf,
  );
  return customers.map(customer => {
    const releases = releasesByApp.get(customer.app_slug)!;
    const behind = instancesBehind(
      instances
        .filter(i => i.customerId === customer.id)
        .map(i => ({
          ...i,
          airgap: decodeField<boolean>(i.state, 'airgap') ?? false,
          releases:
            releases.get(
              decodeField<string>(i.state, 'channelSlug') ??
                customer.channel_slug,
            ) ?? [],
          running: {
            sequence: decodeField<number>(i.state, 'releaseSequence'),
            versionLabel: decodeField<string>(i.state, 'appVersion'),
          },
        })),
      ctx.asOf,
      ctx.activeWindowMs,
      minimum,
    );
    return {
      subject: customer.id,
      customerId: customer.id,
      firing: behind.length > 0,
      summary:
        behind.length > 0
          ? `${behind.length} active instance${
              behind.length > 1 ? 's' : ''
            } ${minimum}+ versions behind (${behind
              .slice(0, 3)
              .map(b => `${b.id}: ${b.versionsBehind}`)
              .join(', ')})`
          : `no active instance is ${minimum} or more versions behind`,
      link: customerLink(customer.id),
    };
  });
}
