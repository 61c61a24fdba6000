import Box from '@material-ui/core/Box';
import { CopyTextButton } from '@backstage/core-components';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import {
  DataCard,
  DateTimeText,
  Definition,
  DefinitionList,
  Muted,
  ToneChip,
} from '../shared';
import { ManageCustomerActions } from '../CustomerActions/ManageCustomerActions';
import { FeatureBadges } from './FeatureBadges';
import { useCustomerReport } from './CustomerReportProvider';

function expiry(expiresAt: string | null) {
  if (!expiresAt) {
    return <Muted>Does not expire</Muted>;
  }
  const expired = Date.parse(expiresAt) <= Date.now();
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      <DateTimeText iso={expiresAt} variant="date" />
      {expired && <ToneChip label="Expired" tone="error" />}
    </Box>
  );
}

function licenseIdValue(licenseId: string) {
  return (
    <Box display="flex" alignItems="center" style={{ gap: 4 }}>
      <code>{licenseId}</code>
      <CopyTextButton
        text={licenseId}
        variant="tertiary"
        tooltipText="License ID copied"
        aria-label="Copy license ID"
      />
    </Box>
  );
}

function definitions(customer: CustomerReport['customer']): Definition[] {
  const items: Definition[] = [
    { label: 'Name', value: customer.name },
    ...(customer.email ? [{ label: 'Email', value: customer.email }] : []),
    ...(customer.customId
      ? [{ label: 'Custom ID', value: customer.customId }]
      : []),
    { label: 'App', value: customer.appSlug },
    { label: 'Channel', value: customer.channel.name },
    { label: 'License type', value: customer.licenseTypeLabel },
    {
      label: 'Created',
      value: <DateTimeText iso={customer.createdAt} variant="date" />,
    },
    { label: 'Expires', value: expiry(customer.expiresAt) },
    // Only license admins receive the license ID (the registry password).
    ...(customer.licenseId
      ? [{ label: 'License ID', value: licenseIdValue(customer.licenseId) }]
      : []),
    {
      label: 'Features',
      value: <FeatureBadges features={customer.features} />,
    },
  ];
  // Vendor-defined fields come last, after the fixed ones.
  for (const field of customer.customFields) {
    items.push({ label: field.name, value: field.value });
  }
  return items;
}

/**
 * The customer's license: name, channel, type, dates, license ID with a copy
 * button, feature badges, and the Helm instructions and license download
 * (each behind its permission).
 *
 * @public
 */
export function ManageCustomerCard() {
  const report = useCustomerReport();
  return (
    <DataCard title="Manage customer" state={report}>
      {({ customer }) => (
        <>
          {customer.archived && (
            <Box mb={1}>
              <ToneChip label="Archived" tone="neutral" />
            </Box>
          )}
          <DefinitionList items={definitions(customer)} />
          <ManageCustomerActions customerId={customer.id} />
        </>
      )}
    </DataCard>
  );
}
