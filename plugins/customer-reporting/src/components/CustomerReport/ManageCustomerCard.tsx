import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { CopyTextButton } from '@backstage/core-components';
import { CustomerReport } from '@internal/plugin-customer-reporting-common';
import {
  DataCard,
  DateTimeText,
  Definition,
  DefinitionList,
  Muted,
  ToneChip,
} from '../shared';
import { FeatureBadges } from './FeatureBadges';
import { useCustomerReport } from './CustomerReportProvider';

/** Why the action buttons are disabled; a later issue wires them. */
export const ACTIONS_DISABLED_REASON =
  'Available once customer actions are enabled';

function DisabledAction(props: { label: string }) {
  // A disabled button fires no mouse events, so the tooltip sits on a span.
  return (
    <Tooltip title={ACTIONS_DISABLED_REASON}>
      <span>
        <Button variant="outlined" size="small" disabled>
          {props.label}
        </Button>
      </span>
    </Tooltip>
  );
}

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
    {
      label: 'License ID',
      value: (
        <Box display="flex" alignItems="center" style={{ gap: 4 }}>
          <code>{customer.licenseId}</code>
          <CopyTextButton
            text={customer.licenseId}
            variant="tertiary"
            tooltipText="License ID copied"
            aria-label="Copy license ID"
          />
        </Box>
      ),
    },
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
 * button, feature badges and (not yet enabled) customer actions.
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
          <Box mt={2} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
            <DisabledAction label="Helm install instructions" />
            <DisabledAction label="Download license" />
          </Box>
        </>
      )}
    </DataCard>
  );
}
