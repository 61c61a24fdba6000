import { Router } from 'express';
import { z } from 'zod/v4';
import { id } from '../ingest/fields';
import { validateOne } from '../ingest/validate';
import {
  buildInstanceDetails,
  loadInstance,
} from '../report/buildInstanceDetails';
import { buildInstanceUptime } from '../report/buildInstanceUptime';
import { toInstanceEvent } from '../report/eventView';
import {
  asOfQuery,
  decodeCursor,
  encodeCursor,
  eventsQuery,
  parseQuery,
  uptimeQuery,
} from './readQueries';
import { RouteContext } from './routeContext';

const eventCursor = z.object({ at: z.number(), field: z.string() });

/** Instance details, uptime graph and change events. */
export function addInstanceRoutes(router: Router, ctx: RouteContext) {
  const { stores, options } = ctx;

  router.get('/v1/instances/:instanceId', async (req, res) => {
    const instanceId = validateOne(id, req.params.instanceId);
    await ctx.requireInstance(req, instanceId);
    const { asOf } = parseQuery(asOfQuery, req.query);
    res.json(
      await buildInstanceDetails(stores.report, instanceId, {
        asOf: asOf ?? ctx.clock(),
        activeWindowMs: options.activeWindowMs,
      }),
    );
  });

  router.get('/v1/instances/:instanceId/uptime', async (req, res) => {
    const instanceId = validateOne(id, req.params.instanceId);
    await ctx.requireInstance(req, instanceId);
    const query = parseQuery(uptimeQuery, req.query);
    res.json(
      await buildInstanceUptime(
        stores.report,
        stores.instanceEvents,
        instanceId,
        query.range,
        query.asOf ?? ctx.clock(),
      ),
    );
  });

  router.get('/v1/instances/:instanceId/events', async (req, res) => {
    const instanceId = validateOne(id, req.params.instanceId);
    await ctx.requireInstance(req, instanceId);
    const query = parseQuery(eventsQuery, req.query);
    const asOf = query.asOf ?? ctx.clock();
    await loadInstance(stores.report, instanceId, asOf); // 404 for unknown instances
    const { items, hasMore } = await stores.instanceEvents.listEvents(
      instanceId,
      {
        category: query.category,
        limit: query.limit,
        asOf,
        after: query.cursor
          ? decodeCursor(query.cursor, eventCursor)
          : undefined,
      },
    );
    const last = items[items.length - 1];
    res.json({
      items: items.map(toInstanceEvent),
      nextCursor:
        hasMore && last
          ? encodeCursor({ at: last.at, field: last.field })
          : null,
    });
  });
}
