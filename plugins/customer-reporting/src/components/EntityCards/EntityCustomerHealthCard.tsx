import Box from '@material-ui/core/Box';
import { Link, MissingAnnotationEmptyState } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  CUSTOMER_ID_ANNOTATION,
  CustomerReport,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportRouteRef } from '../../routes';
import {
  CustomerReportProvider,
  useCustomerReport,
} from '../CustomerReport/CustomerReportProvider';
import { formatLicenseTimeToInstall } from '../format';
import {
  AppStatusChip,
  DataCard,
  DateTimeText,
  DefinitionList,
  Muted,
} from '../shared';
import { customerStatus, lastActiveAt } from './customerHealth';

function health(report: CustomerReport) {
  const { instanceCounts: counts, timeToInstall, customer } = report;
  const status = customerStatus(report.instances);
  return [
    {
      label: 'Status',
      value: status ? (
        <AppStatusChip status={status} />
      ) : (
        <Muted>No active instance</Muted>
      ),
    },
    {
      label: 'Instances',
      value: `${counts.active} active · ${counts.airgap} air gap · ${counts.inactive} inactive`,
    },
    {
      label: 'Time to install',
      value: timeToInstall ? (
        formatLicenseTimeToInstall(
          timeToInstall.licenseSeconds,
          customer.createdAt,
        )
      ) : (
        <Muted>Not installed</Muted>
      ),
    },
    {
      label: 'Last active',
      value: (
        <DateTimeText
          iso={lastActiveAt(report.instances)}
          variant="relative"
          placeholder="Never"
        />
      ),
    },
  ];
}

function HealthCardBody() {
  const report = useCustomerReport();
  const reportLink = useRouteRef(customerReportRouteRef);
  return (
    <DataCard
      title="Customer health"
      state={report}
      // A customer entity can exist before (or after) the backend has data
      // about it: no failure to retry, just nothing to show yet.
      notFound={
        <Muted>
          No data about customer {report.customerId} has been received yet
        </Muted>
      }
    >
      {value => (
        <>
          <DefinitionList items={health(value)} />
          <Box mt={2}>
            <Link to={reportLink({ customerId: value.customer.id })}>
              View full report
            </Link>
          </Box>
        </>
      )}
    </DataCard>
  );
}

/**
 * A compact health summary of a customer entity: status, instance counts,
 * time to install, last activity and a link to the full report.
 *
 * @public
 */
export function EntityCustomerHealthCard() {
  const { entity } = useEntity();
  const customerId = entity.metadata.annotations?.[CUSTOMER_ID_ANNOTATION];
  if (!customerId) {
    return <MissingAnnotationEmptyState annotation={CUSTOMER_ID_ANNOTATION} />;
  }
  return (
    <CustomerReportProvider customerId={customerId}>
      <HealthCardBody />
    </CustomerReportProvider>
  );
}
