import Grid from '@material-ui/core/Grid';
import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { customerReportingDataSourcesReadPermission } from '@customer-reporting/plugin-customer-reporting-common';
import { DataSourcesCard } from './DataSourcesCard';

/**
 * Body of the data sources tab without the page header. Sync status (error
 * texts of outside systems included) is for the configured group only, so
 * others see why the tab is empty instead of a 403 error panel.
 */
export function DataSourcesContent() {
  const { allowed, loading } = usePermission({
    permission: customerReportingDataSourcesReadPermission,
  });
  return (
    <Content>
      <ContentHeader
        title="Data sources"
        description="Where customer data comes from, and whether the last sync worked"
      />
      <Grid container spacing={3}>
        <Grid item xs={12}>
          {loading && <Progress />}
          {!loading && allowed && <DataSourcesCard />}
          {!loading && !allowed && (
            <EmptyState
              missing="info"
              title="You don't have permission to see the data sources"
              description="Their sync status is shown to the group configured as customerReporting.permissions.groups.dataSourceViewers."
            />
          )}
        </Grid>
      </Grid>
    </Content>
  );
}
