import { Header, Page } from '@backstage/core-components';
import { useRouteRef, useRouteRefParams } from '@backstage/core-plugin-api';
import { customerReportRouteRef, rootRouteRef } from '../../routes';
import { CustomerReportContent } from './CustomerReportContent';
import {
  CustomerReportProvider,
  useCustomerReport,
} from './CustomerReportProvider';

function CustomerReportHeader() {
  const { value } = useCustomerReport();
  const customersLink = useRouteRef(rootRouteRef);
  const customer = value?.customer;
  return (
    <Header
      title={customer?.name ?? 'Customer'}
      pageTitleOverride={customer ? `${customer.name} | Customers` : undefined}
      subtitle={
        customer
          ? `${customer.appSlug} · ${customer.channel.name} · ${customer.licenseTypeLabel}`
          : undefined
      }
      type="Customers"
      typeLink={customersLink()}
    />
  );
}

/**
 * Page of one customer's report (legacy frontend system), at
 * `/customers/:customerId` below the plugin's root route.
 *
 * @public
 */
export function CustomerReportPage() {
  const { customerId } = useRouteRefParams(customerReportRouteRef);
  return (
    <CustomerReportProvider customerId={customerId}>
      <Page themeId="tool">
        <CustomerReportHeader />
        <CustomerReportContent />
      </Page>
    </CustomerReportProvider>
  );
}

/**
 * The same report without the page header, for the new frontend system
 * where the app draws the header.
 */
export function CustomerReportSubPage() {
  const { customerId } = useRouteRefParams(customerReportRouteRef);
  return (
    <CustomerReportProvider customerId={customerId}>
      <CustomerReportContent showTitle />
    </CustomerReportProvider>
  );
}
