import { CUSTOMER_ID_ANNOTATION } from '@customer-reporting/plugin-customer-reporting-common';
import { MissingAnnotationEmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CustomerReportContent } from '../CustomerReport/CustomerReportContent';
import { CustomerReportProvider } from '../CustomerReport/CustomerReportProvider';

/**
 * The full customer report as a tab of a customer entity's page: the same
 * cards as the report page, for the customer named by the entity's
 * `customer-reporting/customer-id` annotation.
 *
 * @public
 */
export function EntityCustomerReportContent() {
  const { entity } = useEntity();
  const customerId = entity.metadata.annotations?.[CUSTOMER_ID_ANNOTATION];
  if (!customerId) {
    return <MissingAnnotationEmptyState annotation={CUSTOMER_ID_ANNOTATION} />;
  }
  return (
    <CustomerReportProvider customerId={customerId}>
      <CustomerReportContent />
    </CustomerReportProvider>
  );
}
