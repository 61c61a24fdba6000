import { Header, Page } from '@backstage/core-components';
import { useRouteRef, useRouteRefParams } from '@backstage/core-plugin-api';
import { customerReportRouteRef, instanceDetailsRouteRef } from '../../routes';
import { InstanceDetailsContent } from './InstanceDetailsContent';
import {
  InstanceDetailsProvider,
  useInstanceDetails,
} from './InstanceDetailsProvider';

function InstanceDetailsHeader() {
  const { value } = useInstanceDetails();
  const customerLink = useRouteRef(customerReportRouteRef);
  const title = value
    ? value.instance.name || value.instance.shortId
    : 'Instance';
  return (
    <Header
      title={title}
      pageTitleOverride={
        value ? `${title} | ${value.customer.name}` : undefined
      }
      subtitle={value ? `Instance ${value.instance.shortId}` : undefined}
      // The header's breadcrumb leads back to the customer's report.
      type={value?.customer.name ?? 'Customer'}
      typeLink={
        value ? customerLink({ customerId: value.customer.id }) : undefined
      }
    />
  );
}

/**
 * Page of one instance (legacy frontend system), at `/instances/:instanceId`
 * below the plugin's root route.
 *
 * @public
 */
export function InstanceDetailsPage() {
  const { instanceId } = useRouteRefParams(instanceDetailsRouteRef);
  return (
    <InstanceDetailsProvider instanceId={instanceId}>
      <Page themeId="tool">
        <InstanceDetailsHeader />
        <InstanceDetailsContent />
      </Page>
    </InstanceDetailsProvider>
  );
}

/** The same without the page header, for the new frontend system. */
export function InstanceDetailsSubPage() {
  const { instanceId } = useRouteRefParams(instanceDetailsRouteRef);
  return (
    <InstanceDetailsProvider instanceId={instanceId}>
      <InstanceDetailsContent showTitle />
    </InstanceDetailsProvider>
  );
}
