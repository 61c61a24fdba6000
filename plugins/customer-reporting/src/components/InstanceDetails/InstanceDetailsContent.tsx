import Grid from '@material-ui/core/Grid';
import { Content, ContentHeader } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';
import { PageLoadError } from '../shared';
import { ActivityStreamCard } from './ActivityStreamCard';
import { CurrentStateCard } from './CurrentStateCard';
import { CustomMetricsCard } from './CustomMetricsCard';
import { InformationCard } from './InformationCard';
import { InsightsCard } from './InsightsCard';
import { ResourcesCard } from './ResourcesCard';
import { useInstanceDetails } from './InstanceDetailsProvider';
import { UptimeGraphCard } from './UptimeGraphCard';

/**
 * The instance cards in a grid, for use inside an
 * {@link InstanceDetailsProvider}. One state replaces the grid when the
 * instance cannot be loaded at all: "Instance not found" for an unknown id,
 * else the backend's error with Retry.
 */
export function InstanceDetailsContent(props: {
  /** Draw the instance name as a content header (when the page has none). */
  showTitle?: boolean;
}) {
  const details = useInstanceDetails();
  const customersLink = useRouteRef(rootRouteRef);

  if (details.error && !details.value) {
    return (
      <PageLoadError
        subject="instance"
        id={details.instanceId}
        errorTitle="Could not load the instance"
        error={details.error}
        retry={details.retry}
        listPath={customersLink()}
      />
    );
  }

  const instance = details.value?.instance;
  return (
    <Content>
      {props.showTitle && (
        <ContentHeader
          title={instance ? instance.name || instance.shortId : 'Instance'}
        />
      )}
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} md={6} lg={4}>
          <CurrentStateCard />
        </Grid>
        <Grid item xs={12} md={6} lg={4}>
          <InsightsCard />
        </Grid>
        <Grid item xs={12} md={12} lg={4}>
          <CustomMetricsCard />
        </Grid>
        <Grid item xs={12}>
          <UptimeGraphCard />
        </Grid>
        {/* Below the uptime: a healthy instance's resources are a list of
            Ready rows, and the uptime says first whether to look at them. */}
        <Grid item xs={12}>
          <ResourcesCard />
        </Grid>
        <Grid item xs={12} lg={4}>
          <InformationCard />
        </Grid>
        <Grid item xs={12} lg={8}>
          <ActivityStreamCard />
        </Grid>
      </Grid>
    </Content>
  );
}
