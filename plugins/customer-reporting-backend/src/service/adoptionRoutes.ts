import { Router } from 'express';
import { z } from 'zod/v4';
import { NotFoundError } from '@backstage/errors';
import {
  ADOPTION_RANGES,
  AppAdoption,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  adoptionSeries,
  medianDaysToHalf,
  releaseAdoption,
} from '../metrics/adoption';
import { adoptionPlan } from '../metrics/adoptionRange';
import { buildAppCustomerFigures } from '../report/buildAppCustomerFigures';
import { asOfQuery, parseQuery } from './readQueries';
import { RouteContext } from './routeContext';

const adoptionQuery = asOfQuery
  .extend({
    channelSlug: z.string().max(100).optional(),
    range: z
      .enum(ADOPTION_RANGES, {
        error: `must be one of ${ADOPTION_RANGES.join(', ')}`,
      })
      .default('90d'),
  })
  .strict();

/**
 * App-wide figures: release adoption and instance counts over time
 * (docs/adoption.md), and the catalog Customers card's figures now.
 */
export function addAdoptionRoutes(router: Router, ctx: RouteContext) {
  const { stores, options } = ctx;
  const requireApp = async (appSlug: string) => {
    if (!(await stores.adoption.appExists(appSlug)))
      throw new NotFoundError(`Unknown app: ${appSlug}`);
  };

  router.get('/v1/apps/:appSlug/customer-figures', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    const query = parseQuery(asOfQuery, req.query);
    await requireApp(req.params.appSlug);
    res.json(
      await buildAppCustomerFigures(stores, req.params.appSlug, {
        asOf: query.asOf ?? ctx.clock(),
        activeWindowMs: options.activeWindowMs,
        customerFilter,
      }),
    );
  });

  router.get('/v1/apps/:appSlug/adoption', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    const query = parseQuery(adoptionQuery, req.query);
    const { appSlug } = req.params;
    const { channelSlug, range } = query;
    await requireApp(appSlug);
    if (channelSlug && !(await stores.apps.channelExists(appSlug, channelSlug)))
      throw new NotFoundError(`Unknown channel of ${appSlug}: ${channelSlug}`);
    const asOf = query.asOf ?? ctx.clock();
    const plan = adoptionPlan(range, asOf);
    const [allReleases, allGroups] = await Promise.all([
      stores.report.getReleases(appSlug),
      stores.adoption.groups({
        appSlug,
        samples: plan.samples,
        activeWindowMs: options.activeWindowMs,
        customerFilter,
      }),
    ]);
    // One channel's figures are its instances' judged against its releases.
    const releases = channelSlug
      ? new Map([...allReleases].filter(([slug]) => slug === channelSlug))
      : allReleases;
    const groups = channelSlug
      ? allGroups.filter(g => g.channelSlug === channelSlug)
      : allGroups;
    const perRelease = releaseAdoption(plan, asOf, groups, releases);
    const body: AppAdoption = {
      appSlug,
      channelSlug: channelSlug ?? null,
      range,
      bucket: plan.bucket,
      asOf: new Date(asOf).toISOString(),
      points: adoptionSeries(plan, asOf, groups, releases),
      releases: perRelease,
      medianDaysToHalf: medianDaysToHalf(perRelease),
    };
    res.json(body);
  });
}
