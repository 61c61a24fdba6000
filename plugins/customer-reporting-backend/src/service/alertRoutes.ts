import { Router } from 'express';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { z } from 'zod/v4';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ALERT_EVENT_TYPES,
  customerReportingAlertsManagePermission,
  customerReportingAlertsReadPermission,
  LICENSE_TYPES,
} from '@customer-reporting/plugin-customer-reporting-common';
import { toAlertRule } from '../alerts/DatabaseAlertRulesStore';
import { AuditRecord } from '../database/DatabaseAuditStore';
import { id, slug, text } from '../ingest/fields';
import { validateOne } from '../ingest/validate';
import { actorOf } from './actor';
import { parseQuery } from './readQueries';
import { RouteContext } from './routeContext';

const ENTITY_REF = /^(user|group):[a-z0-9._-]+\/[A-Za-z0-9._-]+$/i;
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.array(item).max(100).default([]);

const ruleBody = z
  .object({
    name: text(255),
    eventType: z.enum(ALERT_EVENT_TYPES),
    threshold: z.number().int().min(1).max(100_000).nullable().default(null),
    filters: z
      .object({
        appSlugs: list(slug),
        channelSlugs: list(slug),
        licenseTypes: list(z.enum(LICENSE_TYPES)),
        customerIds: list(id),
        owners: list(z.string().regex(ENTITY_REF, 'must be an entity ref')),
      })
      .strict()
      .default({
        appSlugs: [],
        channelSlugs: [],
        licenseTypes: [],
        customerIds: [],
        owners: [],
      }),
    recipients: list(
      z
        .string()
        .regex(
          ENTITY_REF,
          'must be a user or group entity ref (kind:namespace/name)',
        ),
    ),
    enabled: z.boolean().default(true),
  })
  .strict();

const muteBody = z
  .object({
    subject: id.nullable().default(null),
    until: z.string().datetime({
      offset: true,
      message: 'must be an ISO 8601 time with a time zone',
    }),
  })
  .strict();

const muteQuery = z.object({ subject: id.optional() }).strict();
const deliveriesQuery = z
  .object({
    ruleId: id.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** Alert rules, their mutes and the delivery log (docs/alerts.md). */
export function addAlertRoutes(router: Router, ctx: RouteContext) {
  // Looked up per request: the stores are the route context's.
  const rules = () => ctx.stores.alerts.rules;
  // Who changed which rule: the audit trail (entries without a customer).
  const audit = (
    credentials: BackstageCredentials,
    action: AuditRecord['action'],
    details: Record<string, unknown>,
  ) =>
    ctx.stores.auditTrail.record({
      customerId: null,
      actor: actorOf(credentials),
      action,
      details,
    });

  const requireRule = async (ruleId: string) => {
    const rule = await rules().getRule(ruleId);
    if (!rule) throw new NotFoundError(`Unknown alert rule: ${ruleId}`);
    return rule;
  };
  const ruleIdOf = (raw: string) => {
    const parsed = id.safeParse(raw);
    if (!parsed.success)
      throw new InputError(
        `Invalid rule id: ${parsed.error.issues[0].message}`,
      );
    return parsed.data;
  };

  router.get('/v1/alerts/rules', async (req, res) => {
    await ctx.requirePermission(req, customerReportingAlertsReadPermission);
    parseQuery(z.object({}).strict(), req.query);
    res.json({ items: (await rules().listRules()).map(toAlertRule) });
  });

  router.put('/v1/alerts/rules/:ruleId/mutes', async (req, res) => {
    const credentials = await ctx.requirePermission(
      req,
      customerReportingAlertsManagePermission,
    );
    const ruleId = ruleIdOf(req.params.ruleId);
    const mute = validateOne(muteBody, req.body);
    await requireRule(ruleId);
    await rules().putMute(
      ruleId,
      mute.subject,
      Date.parse(mute.until),
      actorOf(credentials),
    );
    await audit(credentials, 'alert-muted', { ruleId, ...mute });
    res.json(toAlertRule(await requireRule(ruleId)));
  });

  router.delete('/v1/alerts/rules/:ruleId/mutes', async (req, res) => {
    const credentials = await ctx.requirePermission(
      req,
      customerReportingAlertsManagePermission,
    );
    const ruleId = ruleIdOf(req.params.ruleId);
    const { subject } = parseQuery(muteQuery, req.query);
    await rules().deleteMute(ruleId, subject ?? null);
    await audit(credentials, 'alert-unmuted', {
      ruleId,
      subject: subject ?? null,
    });
    res.status(204).end();
  });

  router.put('/v1/alerts/rules/:ruleId', async (req, res) => {
    const credentials = await ctx.requirePermission(
      req,
      customerReportingAlertsManagePermission,
    );
    const ruleId = ruleIdOf(req.params.ruleId);
    const rule = validateOne(ruleBody, req.body);
    await rules().putRule(ruleId, rule, actorOf(credentials), ctx.clock());
    await audit(credentials, 'alert-rule-saved', { ruleId, ...rule });
    res.json(toAlertRule(await requireRule(ruleId)));
  });

  router.delete('/v1/alerts/rules/:ruleId', async (req, res) => {
    const credentials = await ctx.requirePermission(
      req,
      customerReportingAlertsManagePermission,
    );
    const ruleId = ruleIdOf(req.params.ruleId);
    await rules().deleteRule(ruleId);
    await audit(credentials, 'alert-rule-deleted', { ruleId });
    res.status(204).end();
  });

  router.get('/v1/alerts/deliveries', async (req, res) => {
    await ctx.requirePermission(req, customerReportingAlertsReadPermission);
    const query = parseQuery(deliveriesQuery, req.query);
    res.json({
      items: await ctx.stores.alerts.deliveries.listDeliveries(
        await ctx.customerFilter(req),
        query,
      ),
    });
  });
}
