import { Header, Page } from '@backstage/core-components';
import { CustomersContent } from './CustomersContent';

/**
 * Customer list page of the legacy frontend system: every customer with
 * license, status, instances and time to install.
 */
export function CustomersPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Customer reporting"
        subtitle="Licenses, instances and installs of every customer"
      />
      <CustomersContent />
    </Page>
  );
}
