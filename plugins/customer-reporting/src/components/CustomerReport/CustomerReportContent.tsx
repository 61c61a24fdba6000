import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import {
  Content,
  ContentHeader,
  ResponseErrorPanel,
} from '@backstage/core-components';
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
 * When the report cannot be loaded at all (unknown customer, backend down)
 * one error panel replaces the grid rather than the same error in each card.
 */
export function CustomerReportContent(props: {
  /** Draw the customer name as a content header (when the page has none). */
  showTitle?: boolean;
}) {
  const report = useCustomerReport();

  if (report.error && !report.value) {
    return (
      <Content>
        <ResponseErrorPanel
          title="Could not load the customer report"
          error={report.error}
        />
        <Box mt={2}>
          <Button variant="outlined" onClick={report.retry}>
            Retry
          </Button>
        </Box>
      </Content>
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
        <Grid item xs={12}>
          <InstallAttemptsCard />
        </Grid>
        <Grid item xs={12}>
          <CustomerActivityCard />
        </Grid>
      </Grid>
    </Content>
  );
}
