import Typography from '@material-ui/core/Typography';
import { Link, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  CustomerSummary,
  LICENSE_TYPE_LABELS,
} from '@internal/plugin-customer-reporting-common';
import { customerReportRouteRef } from '../../routes';
import { formatDuration } from '../format';
import { DateTimeText, Muted } from '../shared';
import { CustomerStatus } from './CustomerStatus';

/** The customer's name as a link to its report, email below it. */
function CustomerName(props: { row: CustomerSummary }) {
  const { row } = props;
  const reportLink = useRouteRef(customerReportRouteRef);
  return (
    <>
      <Link to={reportLink({ customerId: row.id })}>{row.name}</Link>
      {row.email && (
        <Typography variant="body2" color="textSecondary">
          {row.email}
        </Typography>
      )}
    </>
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
/**
 * Short values stay on one line ('Ready', '3 hours ago', '14 d 10 h'): the
 * table gives every column the same width hint and table cells may break
 * anywhere, so without this they split mid-word while the customer column,
 * whose emails are long anyway, takes the rest.
 */
const ONE_LINE = { whiteSpace: 'nowrap' } as const;

export const customerColumns: TableColumn<CustomerSummary>[] = [
  {
    title: 'Customer',
    field: 'name',
    highlight: true,
    // A hint only: the one-line columns still get what they need.
    width: '30%',
    render: row => <CustomerName row={row} />,
  },
  { title: 'App', field: 'appSlug', cellStyle: ONE_LINE },
  { title: 'Channel', field: 'channelName', cellStyle: ONE_LINE },
  {
    title: 'License',
    field: 'licenseTypeLabel',
    cellStyle: ONE_LINE,
    // The backend sends the label; the shared map covers an older backend.
    render: row =>
      row.licenseTypeLabel || LICENSE_TYPE_LABELS[row.licenseType] || '',
  },
  {
    title: 'Status',
    field: 'status',
    cellStyle: ONE_LINE,
    render: row => <CustomerStatus status={row.status} />,
  },
  {
    title: 'Active instances',
    field: 'activeInstances',
    type: 'numeric',
    cellStyle: ONE_LINE,
  },
  {
    title: 'Last active',
    field: 'lastActiveAt',
    cellStyle: ONE_LINE,
    // Relative time scans faster; hovering shows the exact local and UTC time.
    render: row => (
      <DateTimeText
        iso={row.lastActiveAt}
        variant="relative"
        placeholder="Never"
      />
    ),
  },
  {
    title: 'Time to install',
    field: 'timeToInstallSeconds',
    cellStyle: ONE_LINE,
    render: row => <TimeToInstall row={row} />,
  },
];
