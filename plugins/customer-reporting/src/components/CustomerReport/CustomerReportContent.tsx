import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { Content, ContentHeader } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';
import { PageLoadError } from '../shared';
import { CustomerActivityCard } from '../CustomerActions/CustomerActivityCard';
import { InstallAttemptsCard } from './InstallAttemptsCard';
import { InstancesCard } from './InstancesCard';
import { ManageCustomerCard } from './ManageCustomerCard';
import { PortalCard } from './PortalCard';
import { TimeToInstallCard } from './TimeToInstallCard';
import { useCustomerReport } from './CustomerReportProvider';

/**
 * The report's cards in a grid, for use inside a
 * {@link CustomerReportProvider}.
 *
 * @remarks
 * When the report cannot be loaded at all one state replaces the grid rather
 * than the same error in each card: "Customer not found" for an unknown
 * customer, else the backend's error with Retry.
 */
export function CustomerReportContent(props: {
  /** Draw the customer name as a content header (when the page has none). */
  showTitle?: boolean;
}) {
  const report = useCustomerReport();
  const customersLink = useRouteRef(rootRouteRef);

  if (report.error && !report.value) {
    return (
      <PageLoadError
        subject="customer"
        id={report.customerId}
        errorTitle="Could not load the customer report"
        error={report.error}
        retry={report.retry}
        listPath={customersLink()}
      />
    );
  }

  return (
    <Content>
      {props.showTitle && (
        <ContentHeader title={report.value?.customer.name ?? 'Customer'} />
      )}
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} md={6}>
          <ManageCustomerCard />
        </Grid>
        {/* Stacked: together they are about as tall as the license card. */}
        <Grid item xs={12} md={6}>
          <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
            <TimeToInstallCard />
            <PortalCard />
          </Box>
        </Grid>
        <Grid item xs={12}>
          <InstancesCard />
        </Grid>
        {/* Install attempts come through the Enterprise Portal: as in
            Replicated's vendor portal, the section shows only with it. */}
        {report.value?.customer.enterprisePortalEnabled && (
          <Grid item xs={12}>
            <InstallAttemptsCard />
          </Grid>
        )}
        <Grid item xs={12}>
          <CustomerActivityCard />
        </Grid>
      </Grid>
    </Content>
  );
}
