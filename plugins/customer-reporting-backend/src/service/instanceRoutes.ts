import { z } from 'zod';
import {
  buildInstanceDetails,
  loadInstance,
} from '../report/buildInstanceDetails';
import { buildInstanceUptime } from '../report/buildInstanceUptime';
import { toInstanceEvent } from '../report/eventView';
import { ApiRouter } from './apiRouter';
import {
  asOfTime,
  cursorInteger,
  cursorText,
  decodeCursor,
  encodeCursor,
} from './readQueries';
import { RouteContext } from './routeContext';

const eventCursor = z.object({ at: cursorInteger, field: cursorText });

/** Instance details, uptime graph and change events. */
export function addInstanceRoutes(router: ApiRouter, ctx: RouteContext) {
  const { stores, options } = ctx;

  router.get('/v1/instances/:instanceId', async (req, res) => {
    const { instanceId } = req.params;
    await ctx.requireInstance(req, instanceId);
    res.json(
      await buildInstanceDetails(stores.report, instanceId, {
        asOf: asOfTime(req.query.asOf, ctx.clock),
        activeWindowMs: options.activeWindowMs,
      }),
    );
  });

  router.get('/v1/instances/:instanceId/uptime', async (req, res) => {
    const { instanceId } = req.params;
    await ctx.requireInstance(req, instanceId);
    res.json(
      await buildInstanceUptime(
        stores.report,
        stores.instanceEvents,
        instanceId,
        req.query.range!, // the spec's default filled in
        asOfTime(req.query.asOf, ctx.clock),
      ),
    );
  });

  router.get('/v1/instances/:instanceId/events', async (req, res) => {
    const { instanceId } = req.params;
    await ctx.requireInstance(req, instanceId);
    const query = req.query;
    const asOf = asOfTime(query.asOf, ctx.clock);
    await loadInstance(stores.report, instanceId, asOf); // 404 for unknown instances
    const { items, hasMore } = await stores.instanceEvents.listEvents(
      instanceId,
      {
        category: query.category,
        limit: query.limit!, // the spec's default filled in
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
