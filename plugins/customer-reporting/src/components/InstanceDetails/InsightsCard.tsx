import Typography from '@material-ui/core/Typography';
import { InstanceDetails } from '@customer-reporting/plugin-customer-reporting-common';
import {
  formatDuration,
  formatLicenseTimeToInstall,
  formatPercent,
} from '../format';
import { DataCard, DefinitionList, Muted } from '../shared';
import { useInstanceDetails } from './InstanceDetailsProvider';

function Big(props: { children: string }) {
  return (
    <Typography variant="h6" component="span">
      {props.children}
    </Typography>
  );
}

function duration(seconds: number | null, format: (seconds: number) => string) {
  if (seconds === null) {
    return <Muted>Not ready yet</Muted>;
  }
  return <Big>{format(seconds)}</Big>;
}

function items(details: InstanceDetails) {
  const { insights, instance } = details;
  return [
    {
      label: 'Uptime (14 days)',
      value:
        insights.uptimeRatio === null ? (
          <Muted>No data</Muted>
        ) : (
          <Big>{formatPercent(insights.uptimeRatio)}</Big>
        ),
    },
    {
      label: 'Instance time to install',
      // From the instance's first check-in to its first ready state.
      value: duration(insights.instanceTimeToInstallSeconds, seconds =>
        formatDuration(seconds, { start: instance.firstSeenAt }),
      ),
    },
    {
      label: 'License time to install',
      // From license creation, which this route does not send: without a
      // start date months count as 30 days.
      value: duration(
        insights.licenseTimeToInstallSeconds,
        formatLicenseTimeToInstall,
      ),
    },
  ];
}

/**
 * Headline numbers of the instance: uptime ratio and both times to install.
 *
 * @public
 */
export function InsightsCard() {
  const details = useInstanceDetails();
  return (
    <DataCard title="Insights" state={details}>
      {value => <DefinitionList items={items(value)} />}
    </DataCard>
  );
}
