import { NotFoundError } from '@backstage/errors';
import { AppAdoption } from '@customer-reporting/plugin-customer-reporting-common';
import {
  adoptionSeries,
  medianDaysToHalf,
  releaseAdoption,
} from '../metrics/adoption';
import { adoptionPlan } from '../metrics/adoptionRange';
import { buildAppCustomerFigures } from '../report/buildAppCustomerFigures';
import { ApiRouter } from './apiRouter';
import { asOfTime } from './readQueries';
import { RouteContext } from './routeContext';

/**
 * App-wide figures: release adoption and instance counts over time
 * (docs/adoption.md), and the catalog Customers card's figures now.
 */
export function addAdoptionRoutes(router: ApiRouter, ctx: RouteContext) {
  const { stores, options } = ctx;
  const requireApp = async (appSlug: string) => {
    if (!(await stores.adoption.appExists(appSlug)))
      throw new NotFoundError(`Unknown app: ${appSlug}`);
  };

  router.get('/v1/apps/:appSlug/customer-figures', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    await requireApp(req.params.appSlug);
    res.json(
      await buildAppCustomerFigures(stores, req.params.appSlug, {
        asOf: asOfTime(req.query.asOf, ctx.clock),
        activeWindowMs: options.activeWindowMs,
        customerFilter,
      }),
    );
  });

  router.get('/v1/apps/:appSlug/adoption', async (req, res) => {
    const customerFilter = await ctx.customerFilter(req);
    const { appSlug } = req.params;
    const { channelSlug } = req.query;
    const range = req.query.range!; // the spec's default filled in
    await requireApp(appSlug);
    if (channelSlug && !(await stores.apps.channelExists(appSlug, channelSlug)))
      throw new NotFoundError(`Unknown channel of ${appSlug}: ${channelSlug}`);
    const asOf = asOfTime(req.query.asOf, ctx.clock);
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
