import { Route, Routes } from 'react-router-dom';
import { ErrorPage } from '@backstage/core-components';
import { customerReportRouteRef, instanceDetailsRouteRef } from '../../routes';
import {
  CustomerReportPage,
  CustomerReportSubPage,
} from '../CustomerReport/CustomerReportPage';
import { CustomersContent, CustomersPage } from '../CustomersPage';
import {
  InstanceDetailsPage,
  InstanceDetailsSubPage,
} from '../InstanceDetails/InstanceDetailsPage';

function NotFound() {
  return (
    <ErrorPage
      status="404"
      statusMessage="This customer reporting page does not exist"
    />
  );
}

/**
 * The plugin's pages below its mount point (legacy frontend system): the
 * customer list, a customer's report and an instance's details, each with
 * its own page header.
 *
 * @remarks
 * Paths come from the sub-route refs so links made with useRouteRef and
 * the routes here cannot drift apart.
 */
export function CustomerReportingRouter() {
  return (
    <Routes>
      <Route path="/" element={<CustomersPage />} />
      <Route
        path={customerReportRouteRef.path}
        element={<CustomerReportPage />}
      />
      <Route
        path={instanceDetailsRouteRef.path}
        element={<InstanceDetailsPage />}
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/**
 * The same pages without page headers, for the new frontend system, where
 * the app draws the plugin's header around the page.
 */
export function CustomerReportingContentRouter() {
  return (
    <Routes>
      <Route path="/" element={<CustomersContent />} />
      <Route
        path={customerReportRouteRef.path}
        element={<CustomerReportSubPage />}
      />
      <Route
        path={instanceDetailsRouteRef.path}
        element={<InstanceDetailsSubPage />}
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
