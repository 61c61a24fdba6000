import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { TableColumn } from '@backstage/core-components';
import {
  CustomerSummary,
  LICENSE_TYPE_LABELS,
} from '@internal/plugin-customer-reporting-common';
import {
  formatAbsoluteTime,
  formatDuration,
  formatRelativeTime,
} from '../format';
import { CustomerStatus } from './CustomerStatus';

function Muted(props: { children: string }) {
  return (
    <Typography variant="body2" color="textSecondary" component="span">
      {props.children}
    </Typography>
  );
}

function LastActive(props: { at: string | null }) {
  const relative = formatRelativeTime(props.at);
  if (!props.at || !relative) {
    return <Muted>Never</Muted>;
  }
  // Relative time scans faster; the tooltip keeps the exact moment at hand.
  return (
    <Tooltip title={formatAbsoluteTime(props.at)}>
      <span>{relative}</span>
    </Tooltip>
  );
}

function TimeToInstall(props: { row: CustomerSummary }) {
  const { timeToInstallSeconds, createdAt } = props.row;
  if (timeToInstallSeconds === null) {
    return <Muted>Not installed</Muted>;
  }
  // Anchored at license creation so months are calendar months.
  return <>{formatDuration(timeToInstallSeconds, { start: createdAt })}</>;
}

/**
 * Columns of the customer table. Sorting is off on every column: the table
 * only holds the pages loaded so far, so sorting them client-side would
 * suggest an order over all customers that does not exist.
 */
export const customerColumns: TableColumn<CustomerSummary>[] = [
  {
    title: 'Customer',
    field: 'name',
    highlight: true,
    render: row => (
      <>
        {row.name}
        {row.email && (
          <Typography variant="body2" color="textSecondary">
            {row.email}
          </Typography>
        )}
      </>
    ),
  },
  { title: 'App', field: 'appSlug' },
  { title: 'Channel', field: 'channelName' },
  {
    title: 'License',
    field: 'licenseTypeLabel',
    // The backend sends the label; the shared map covers an older backend.
    render: row =>
      row.licenseTypeLabel || LICENSE_TYPE_LABELS[row.licenseType] || '',
  },
  {
    title: 'Status',
    field: 'status',
    render: row => <CustomerStatus status={row.status} />,
  },
  { title: 'Active instances', field: 'activeInstances', type: 'numeric' },
  {
    title: 'Last active',
    field: 'lastActiveAt',
    render: row => <LastActive at={row.lastActiveAt} />,
  },
  {
    title: 'Time to install',
    field: 'timeToInstallSeconds',
    render: row => <TimeToInstall row={row} />,
  },
];
