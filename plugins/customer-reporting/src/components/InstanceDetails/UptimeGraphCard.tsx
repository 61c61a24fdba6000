import { useState } from 'react';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  UPTIME_RANGES,
  UptimeRangeName,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { formatPercent } from '../format';
import { DataCard, Muted } from '../shared';
import { useInstanceDetails } from './InstanceDetailsProvider';
import { UptimeGraph } from './UptimeGraph';

/** Button labels of the ranges. */
export const UPTIME_RANGE_LABELS: Record<UptimeRangeName, string> = {
  '2d': '2 days',
  '2w': '2 weeks',
  '45d': '45 days',
  '90d': '90 days',
  '1y': '1 year',
  all: 'All',
};

function rangeDescription(range: UptimeRangeName): string {
  return range === 'all'
    ? 'since the first check-in'
    : `over the last ${UPTIME_RANGE_LABELS[range]}`;
}

function RangeSelector(props: {
  range: UptimeRangeName;
  onChange: (range: UptimeRangeName) => void;
}) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={props.range}
      // null when the selected button is clicked again: keep the range.
      onChange={(_, range: UptimeRangeName | null) =>
        range && props.onChange(range)
      }
      aria-label="Uptime range"
    >
      {UPTIME_RANGES.map(range => (
        <ToggleButton key={range} value={range}>
          {UPTIME_RANGE_LABELS[range]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

/**
 * The instance's uptime over a selectable range (two weeks by default),
 * with the ratio of the range and event markers above the bars.
 *
 * @public
 */
export function UptimeGraphCard() {
  const { instanceId, asOf } = useInstanceDetails();
  const api = useApi(customerReportingApiRef);
  const [range, setRange] = useState<UptimeRangeName>('2w');

  const state = useAsyncRetry(
    () => api.getInstanceUptime(instanceId, { range, asOf }),
    [api, instanceId, range, asOf],
  );

  return (
    <DataCard
      title="Uptime"
      action={<RangeSelector range={range} onChange={setRange} />}
      state={state}
    >
      {uptime =>
        uptime.buckets.length === 0 ? (
          <Muted>No uptime data in this range</Muted>
        ) : (
          <>
            <Typography variant="h6" component="p" gutterBottom>
              {uptime.ratio === null
                ? 'No data'
                : `${formatPercent(uptime.ratio)} uptime`}{' '}
              <Muted>{rangeDescription(uptime.range)}</Muted>
            </Typography>
            <UptimeGraph buckets={uptime.buckets} />
          </>
        )
      }
    </DataCard>
  );
}
