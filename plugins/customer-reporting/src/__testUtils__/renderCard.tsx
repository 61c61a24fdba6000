import { ReactElement } from 'react';
import { CustomerReportingApi } from '../api';
import { CustomerReportProvider } from '../components/CustomerReport/CustomerReportProvider';
import { InstanceDetailsProvider } from '../components/InstanceDetails/InstanceDetailsProvider';
import { renderWithApi } from './renderWithApi';

/** Renders a card of the customer report, under the report of `cus_1`. */
export function renderReportCard(
  card: ReactElement,
  api: Partial<CustomerReportingApi>,
) {
  return renderWithApi(
    <CustomerReportProvider customerId="cus_1">{card}</CustomerReportProvider>,
    api,
  );
}

/** Renders a card of the instance page, under the details of `ins_1234567890`. */
export function renderInstanceCard(
  card: ReactElement,
  api: Partial<CustomerReportingApi>,
) {
  return renderWithApi(
    <InstanceDetailsProvider instanceId="ins_1234567890">
      {card}
    </InstanceDetailsProvider>,
    api,
  );
}
