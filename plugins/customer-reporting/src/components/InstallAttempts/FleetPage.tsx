import { ReactNode } from 'react';
import { Header, HeaderTabs, Page } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useLocation, useNavigate } from 'react-router-dom';
import { installAttemptsRouteRef, rootRouteRef } from '../../routes';

/**
 * Tabs between the two fleet-wide views, the customer list and the install
 * attempt audit, so each is one click from the other.
 */
export function FleetTabs() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const paths = [
    useRouteRef(rootRouteRef)(),
    useRouteRef(installAttemptsRouteRef)(),
  ];
  const selectedIndex =
    pathname.replace(/\/+$/, '') === paths[1].replace(/\/+$/, '') ? 1 : 0;
  return (
    <HeaderTabs
      tabs={[
        { id: 'customers', label: 'Customers' },
        { id: 'install-attempts', label: 'Install attempts' },
      ]}
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
