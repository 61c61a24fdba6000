import Box from '@material-ui/core/Box';
import { Link, MissingAnnotationEmptyState } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  AppAdoption,
  CUSTOMER_APP_ANNOTATION,
} from '@customer-reporting/plugin-customer-reporting-common';
import { adoptionRouteRef } from '../../routes';
import { formatPercent } from '../format';
import { DataCard, DefinitionList, Muted } from '../shared';
import {
  BEHIND_SEGMENTS,
  describeShares,
  formatDays,
  shareBars,
} from './adoptionSeries';
import { StackedBarChart } from './StackedBarChart';
import { useAppAdoption } from './useAppAdoption';

/** 'median 2 days over 3 releases' that reached half within the range. */
function medianOver(adoption: AppAdoption, median: number): string {
  const n = adoption.releases.filter(r => r.daysToHalf !== null).length;
  return `median ${formatDays(median)} over ${n} release${n === 1 ? '' : 's'}`;
}

function Figures(props: { adoption: AppAdoption }) {
  const { adoption } = props;
  const last = adoption.points[adoption.points.length - 1];
  if (!last || last.activeInstances === 0) {
    return <Muted>No active instances of {adoption.appSlug} now</Muted>;
  }
  return (
    <DefinitionList
      items={[
        { label: 'Active instances', value: String(last.activeInstances) },
        ...BEHIND_SEGMENTS.filter(
          s => s.key !== 'unknown' || last.counts.unknown > 0,
        ).map(s => ({
          label: s.label,
          value: `${formatPercent(last.shares[s.key] ?? 0, 1)} (${
            last.counts[s.key]
          })`,
        })),
        {
          label: 'Days to half',
          value:
            adoption.medianDaysToHalf === null ? (
              <Muted>No release reached half in 30 days</Muted>
            ) : (
              medianOver(adoption, adoption.medianDaysToHalf)
            ),
        },
      ]}
    />
  );
}

/**
 * Release adoption of the app of a component or system (annotation
 * `customer-reporting/app`): today's shares of active instances on the latest
 * release and behind it, the last 30 days as a chart, the median days until
 * half of the active instances ran a new release, and a link to the
 * Adoption tab.
 *
 * @public
 */
export function EntityAdoptionCard() {
  const { entity } = useEntity();
  const appSlug =
    entity.metadata.annotations?.[CUSTOMER_APP_ANNOTATION]?.trim();
  const adoptionLink = useRouteRef(adoptionRouteRef);
  const state = useAppAdoption(appSlug, { range: '30d' });
  if (!appSlug) {
    return <MissingAnnotationEmptyState annotation={CUSTOMER_APP_ANNOTATION} />;
  }
  const value = state.value ?? undefined;
  return (
    <DataCard
      title="Release adoption"
      subheader={`Active instances of ${appSlug}, last 30 days`}
      state={{ ...state, value }}
      // An app the backend has not heard of yet is not an error on its component.
      notFound={<Muted>No data about {appSlug} has been received yet</Muted>}
    >
      {adoption => (
        <>
          <Figures adoption={adoption} />
          {adoption.points.some(p => p.activeInstances > 0) && (
            <Box mt={2}>
              <StackedBarChart
                title={`Share of active instances of ${appSlug} by versions behind`}
                bars={shareBars(adoption)}
                scale="share"
                summary={`today: ${describeShares(
                  adoption.points[adoption.points.length - 1],
                )}`}
                format={v => formatPercent(v, 1)}
              />
            </Box>
          )}
          <Box mt={2}>
            <Link to={`${adoptionLink()}?${new URLSearchParams({ appSlug })}`}>
              Adoption of {appSlug} by channel
            </Link>
          </Box>
        </>
      )}
    </DataCard>
  );
}
