import { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { ErrorPage } from '@backstage/core-components';
import {
  adoptionRouteRef,
  alertsRouteRef,
  customerReportRouteRef,
  dataSourcesRouteRef,
  installAttemptsRouteRef,
  instanceDetailsRouteRef,
} from '../../routes';
import {
  CustomerReportPage,
  CustomerReportSubPage,
} from '../CustomerReport/CustomerReportPage';
import { AdoptionContent } from '../Adoption';
import { AlertsContent } from '../Alerts';
import { CustomersContent } from '../CustomersPage';
import { DataSourcesContent } from '../DataSources';
import {
  FleetPage,
  FleetTabs,
  InstallAttemptsContent,
  InstallAttemptsPage,
} from '../InstallAttempts';
import {
  InstanceDetailsPage,
  InstanceDetailsSubPage,
} from '../InstanceDetails/InstanceDetailsPage';
import { ReadableTheme, SynchronousMount } from '../shared';

/**
 * What both routers draw their pages in: secondary text readable and table
 * cells unbroken inside words (ReadableTheme), and the page mounted in one
 * uninterrupted render (SynchronousMount).
 */
function PluginPages(props: { children: ReactNode }) {
  return (
    <ReadableTheme>
      <SynchronousMount>{props.children}</SynchronousMount>
    </ReadableTheme>
  );
}

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
 * customer list, the install attempt audit, the data sources' sync status,
 * a customer's report and an instance's details, each with its own page
 * header.
 *
 * @remarks
 * Paths come from the sub-route refs so links made with useRouteRef and
 * the routes here cannot drift apart. Both routers draw their pages in
 * PluginPages.
 */
export function CustomerReportingRouter() {
  return (
    <PluginPages>
      <Routes>
        {/* The list shares its header and tabs with the install attempts. */}
        <Route
          path="/"
          element={
            <FleetPage>
              <CustomersContent />
            </FleetPage>
          }
        />
        <Route
          path={installAttemptsRouteRef.path}
          element={<InstallAttemptsPage />}
        />
        <Route
          path={dataSourcesRouteRef.path}
          element={
            <FleetPage title="Data sources">
              <DataSourcesContent />
            </FleetPage>
          }
        />
        <Route
          path={adoptionRouteRef.path}
          element={
            <FleetPage title="Adoption">
              <AdoptionContent />
            </FleetPage>
          }
        />
        <Route
          path={alertsRouteRef.path}
          element={
            <FleetPage title="Alerts">
              <AlertsContent />
            </FleetPage>
          }
        />
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
    </PluginPages>
  );
}

/**
 * The same pages without page headers, for the new frontend system, where
 * the app draws the plugin's header around the page.
 */
export function CustomerReportingContentRouter() {
  return (
    <PluginPages>
      <Routes>
        <Route
          path="/"
          element={
            <>
              <FleetTabs />
              <CustomersContent />
            </>
          }
        />
        <Route
          path={installAttemptsRouteRef.path}
          element={
            <>
              <FleetTabs />
              <InstallAttemptsContent />
            </>
          }
        />
        <Route
          path={dataSourcesRouteRef.path}
          element={
            <>
              <FleetTabs />
              <DataSourcesContent />
            </>
          }
        />
        <Route
          path={adoptionRouteRef.path}
          element={
            <>
              <FleetTabs />
              <AdoptionContent />
            </>
          }
        />
        <Route
          path={alertsRouteRef.path}
          element={
            <>
              <FleetTabs />
              <AlertsContent />
            </>
          }
        />
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
    </PluginPages>
  );
}
