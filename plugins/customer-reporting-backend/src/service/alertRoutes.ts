import { Request } from 'express';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  ALERT_THRESHOLDS,
  customerReportingAlertsManagePermission,
  customerReportingAlertsReadPermission,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  StoredAlertRule,
  toAlertRule,
} from '../alerts/DatabaseAlertRulesStore';
import {
  keepHiddenCustomerIds,
  seesMuteSubject,
} from '../alerts/ruleVisibility';
import { CustomerFilter } from '../permissions/customerFilter';
import { ApiRouter } from './apiRouter';
import { AuditTrail } from './auditedAction';
import { asOfTime, requireTime } from './readQueries';
import { CallerRequest, RouteContext } from './routeContext';

/** Saves of one rule tried before a 409: each lost one means another went in. */
const SAVE_ATTEMPTS = 3;

/** Alert rules, their mutes and the delivery log (docs/alerts.md). */
export function addAlertRoutes(router: ApiRouter, ctx: RouteContext) {
  // Looked up per request: the stores are the route context's.
  const rules = () => ctx.stores.alerts.rules;
  // Who changed which rule: auditor events and Activity entries without a customer.
  const audited = (
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    req: Request<{ ruleId: string }, any, unknown, unknown>,
    eventId: 'alert-rule' | 'alert-mute',
    change: 'update' | 'delete',
    work: (trail: AuditTrail) => Promise<void>,
  ) =>
    ctx.audit.run(
      req,
      {
        eventId,
        severityLevel: 'medium',
        meta: { actionType: change, ruleId: req.params.ruleId },
      },
      work,
    );

  const requireRule = async (ruleId: string) => {
    const rule = await rules().getRule(ruleId);
    if (!rule) throw new NotFoundError(`Unknown alert rule: ${ruleId}`);
    return rule;
  };

  // The customers whose ids the caller may see in rules. A policy may grant
  // the alert permissions without customer reads: that caller sees none.
  const customersOf = async (req: CallerRequest): Promise<CustomerFilter> => {
    try {
      return await ctx.customerFilter(req);
    } catch (error) {
      if (error instanceof NotAllowedError) return 'none';
      throw error;
    }
  };
  const shown = async (rule: StoredAlertRule, filter: CustomerFilter) =>
    toAlertRule(rule, await rules().visibility([rule], filter));
  // Muting a subject acts on its customer: only one the caller may read.
  const requireSubject = async (
    rule: StoredAlertRule,
    subject: string | null,
    filter: CustomerFilter,
  ) => {
    const visibility = await rules().visibility(
      [
        {
          eventType: rule.eventType,
          filters: { customerIds: [] },
          mutes: [{ subject }],
        },
      ],
      filter,
    );
    if (!seesMuteSubject(visibility, rule.eventType, subject))
      throw new NotAllowedError(
        `subject: not allowed to read the customer of ${subject}`,
      );
  };

  router.get('/v1/alerts/rules', async (req, res) => {
    await ctx.requirePermission(req, customerReportingAlertsReadPermission);
    // asOf is checked like every read route's; rules keep no history.
    asOfTime(req.query.asOf, ctx.clock);
    const list = await rules().listRules();
    const visibility = await rules().visibility(list, await customersOf(req));
    res.json({ items: list.map(rule => toAlertRule(rule, visibility)) });
  });

  router.put('/v1/alerts/rules/:ruleId/mutes', async (req, res) => {
    await audited(req, 'alert-mute', 'update', async trail => {
      const credentials = await ctx.requirePermission(
        req,
        customerReportingAlertsManagePermission,
      );
      const { ruleId } = req.params;
      const mute = { subject: req.body.subject ?? null, until: req.body.until };
      const until = requireTime(mute.until, 'until');
      const filter = await customersOf(req);
      await requireSubject(await requireRule(ruleId), mute.subject, filter);
      await rules().putMute(
        ruleId,
        mute.subject,
        until,
        ctx.audit.actorOf(credentials),
      );
      await trail.record(credentials, {
        customerId: null,
        action: 'alert-muted',
        details: { ruleId, ...mute },
      });
      res.json(await shown(await requireRule(ruleId), filter));
    });
  });

  router.delete('/v1/alerts/rules/:ruleId/mutes', async (req, res) => {
    await audited(req, 'alert-mute', 'delete', async trail => {
      const credentials = await ctx.requirePermission(
        req,
        customerReportingAlertsManagePermission,
      );
      const { ruleId } = req.params;
      const { subject } = req.query;
      // Of an unknown rule there is nothing to end, and nothing to tell.
      const rule = await rules().getRule(ruleId);
      if (rule)
        await requireSubject(rule, subject ?? null, await customersOf(req));
      await rules().deleteMute(ruleId, subject ?? null);
      await trail.record(credentials, {
        customerId: null,
        action: 'alert-unmuted',
        details: { ruleId, subject: subject ?? null },
      });
      res.status(204).end();
    });
  });

  router.put('/v1/alerts/rules/:ruleId', async (req, res) => {
    await audited(req, 'alert-rule', 'update', async trail => {
      const credentials = await ctx.requirePermission(
        req,
        customerReportingAlertsManagePermission,
      );
      const { ruleId } = req.params;
      // The validator filled in the spec's defaults of the optional fields.
      const body = req.body;
      // Kept, it would be shown on the rule and silently not used.
      if (
        (body.threshold ?? null) !== null &&
        !ALERT_THRESHOLDS[body.eventType]
      )
        throw new InputError(
          `threshold: event type ${body.eventType} has no threshold; leave it out`,
        );
      const filter = await customersOf(req);
      // Read, derived from and written again while another save may come
      // between: the store writes only over the version read, so the ids
      // kept are those of the rule it replaces. A lost race is tried
      // again on the new version.
      const sent = {
        eventType: body.eventType,
        filters: body.filters!,
        mutes: [],
      };
      const saveOnce = async () => {
        const current = await rules().getRule(ruleId);
        const rule = {
          ...body,
          name: body.name.trim(),
          threshold: body.threshold ?? null,
          filters: keepHiddenCustomerIds(
            body.filters!,
            current,
            await rules().visibility(
              current ? [current, sent] : [sent],
              filter,
            ),
          ),
          recipients: body.recipients!,
          enabled: body.enabled!,
        };
        // Saved with what the caller may read: named recipients are told
        // only of those customers (docs/alerts.md).
        const outcome = await rules().putRule(
          ruleId,
          rule,
          ctx.audit.actorOf(credentials),
          ctx.clock(),
          filter,
          { basedOn: current },
        );
        return outcome === 'conflict' ? undefined : rule;
      };
      let rule: Awaited<ReturnType<typeof saveOnce>>;
      for (let attempt = 0; !rule; attempt++) {
        if (attempt === SAVE_ATTEMPTS)
          throw new ConflictError(
            `Alert rule ${ruleId} was changed by others while saving; try again`,
          );
        rule = await saveOnce();
      }
      await trail.record(credentials, {
        customerId: null,
        action: 'alert-rule-saved',
        details: { ruleId, ...rule },
      });
      res.json(await shown(await requireRule(ruleId), filter));
    });
  });

  router.delete('/v1/alerts/rules/:ruleId', async (req, res) => {
    await audited(req, 'alert-rule', 'delete', async trail => {
      const credentials = await ctx.requirePermission(
        req,
        customerReportingAlertsManagePermission,
      );
      const { ruleId } = req.params;
      await rules().deleteRule(ruleId);
      await trail.record(credentials, {
        customerId: null,
        action: 'alert-rule-deleted',
        details: { ruleId },
      });
      res.status(204).end();
    });
  });

  router.get('/v1/alerts/deliveries', async (req, res) => {
    await ctx.requirePermission(req, customerReportingAlertsReadPermission);
    const { ruleId, limit, asOf } = req.query;
    res.json({
      items: await ctx.stores.alerts.deliveries.listDeliveries(
        await ctx.customerFilter(req),
        {
          ruleId,
          limit: limit!, // the spec's default filled in
          sentBy: asOfTime(asOf, ctx.clock),
        },
      ),
    });
  });
}
