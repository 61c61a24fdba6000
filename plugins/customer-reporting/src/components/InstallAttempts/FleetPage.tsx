import { ReactNode } from 'react';
import { Header, HeaderTabs, Page } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  adoptionRouteRef,
  alertsRouteRef,
  dataSourcesRouteRef,
  installAttemptsRouteRef,
  rootRouteRef,
} from '../../routes';

const TABS = [
  { id: 'customers', label: 'Customers' },
  { id: 'install-attempts', label: 'Install attempts' },
  { id: 'data-sources', label: 'Data sources' },
  { id: 'adoption', label: 'Adoption' },
  { id: 'alerts', label: 'Alerts' },
];

const trimSlashes = (path: string) => path.replace(/\/+$/, '');

/**
 * Tabs between the fleet-wide views (customers, the install attempt audit,
 * the data sources' sync status), so each is one click from the others.
 */
export function FleetTabs() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const paths = [
    useRouteRef(rootRouteRef)(),
    useRouteRef(installAttemptsRouteRef)(),
    useRouteRef(dataSourcesRouteRef)(),
    useRouteRef(adoptionRouteRef)(),
    useRouteRef(alertsRouteRef)(),
  ];
  const selectedIndex = Math.max(
    0,
    paths.findIndex(p => trimSlashes(p) === trimSlashes(pathname)),
  );
  return (
    <HeaderTabs
      tabs={TABS}
      selectedIndex={selectedIndex}
      onChange={index => index !== selectedIndex && navigate(paths[index])}
    />
  );
}

/**
 * A fleet-wide page of the legacy frontend system: the plugin header, the
 * tabs, then the view's content.
 */
export function FleetPage(props: { title?: string; children: ReactNode }) {
  return (
    <Page themeId="tool">
      <Header
        title="Customer reporting"
        subtitle="Licenses, instances and installs of every customer"
        pageTitleOverride={
          props.title ? `${props.title} | Customer reporting` : undefined
        }
      />
      <FleetTabs />
      {props.children}
    </Page>
  );
}
