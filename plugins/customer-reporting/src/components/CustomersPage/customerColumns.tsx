import { CSSProperties, ReactNode } from 'react';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import {
  CustomerSort,
  CustomerSummary,
  LICENSE_TYPE_LABELS,
} from '@customer-reporting/plugin-customer-reporting-common';
import { formatLicenseTimeToInstall } from '../format';
import { DateTimeText, hiddenWhenNarrow, Muted } from '../shared';
import { CustomerBadges } from './CustomerBadges';
import { CustomerHealth } from './CustomerHealth';

/**
 * Short values ('Ready', '3 hours ago', '14 d 10 h') stay on one line; words
 * never break inside anywhere (ReadableTheme), so the table grows to them.
 */
const ONE_LINE: CSSProperties = { whiteSpace: 'nowrap' };

/**
 * Long emails are cut with an ellipsis; the full one is in the title. The
 * email asks the column for 14em only (a nowrap line would otherwise widen
 * the table by its whole length) but fills whatever width the column has,
 * so a wide window shows it whole instead of cutting it at 14em.
 */
const EMAIL: CSSProperties = {
  display: 'block',
  width: '14em',
  minWidth: '100%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

/** The customer's name as a link to its report, badges and email below. */
function CustomerName(props: { row: CustomerSummary; href: string }) {
  const { row, href } = props;
  return (
    <>
      <Link to={href}>{row.name}</Link>
      <CustomerBadges row={row} />
      {row.email && (
        <Typography
          variant="body2"
          color="textSecondary"
          style={EMAIL}
          title={row.email}
        >
          {row.email}
        </Typography>
      )}
    </>
  );
}

/** A value with a secondary line below it. */
function TwoLines(props: { first: ReactNode; second?: ReactNode }) {
  return (
    <>
      <div>{props.first}</div>
      {props.second && (
        <div>
          <Muted>{props.second}</Muted>
        </div>
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
  return <>{formatLicenseTimeToInstall(timeToInstallSeconds, createdAt)}</>;
}

/** Instances as the report counts them: active online, air gap apart. */
function Instances(props: { row: CustomerSummary }) {
  const { activeInstances, airgapInstances } = props.row;
  return (
    <TwoLines
      first={`${activeInstances} active`}
      second={airgapInstances > 0 ? `${airgapInstances} air gap` : undefined}
    />
  );
}

/** The list's sort as kept in the URL, and how a header changes it. */
export interface CustomerSortState {
  sort: CustomerSort;
  order: 'asc' | 'desc';
  onSort: (sort: CustomerSort, order: 'asc' | 'desc') => void;
}

/** A column of the customer table. */
export interface CustomerColumn {
  /** The field it shows (and, for a sortable one, sorts by). */
  field: keyof CustomerSummary;
  title: ReactNode;
  render: (row: CustomerSummary) => ReactNode;
  /** Left out of a narrow window. */
  hidden: boolean;
  /** 'auto' takes the width left; '1%' shrinks to the values. */
  width: 'auto' | '1%';
  /** Each value on one line; the customer column's text in bold. */
  cellStyle?: CSSProperties;
}

/** A header that sorts the whole list on the backend; a second click reverses. */
function SortHeader(props: {
  label: string;
  sortKey: CustomerSort;
  state: CustomerSortState;
}) {
  const { label, sortKey, state } = props;
  const active = state.sort === sortKey;
  return (
    <TableSortLabel
      active={active}
      direction={active ? state.order : 'asc'}
      onClick={() =>
        state.onSort(sortKey, active && state.order === 'asc' ? 'desc' : 'asc')
      }
    >
      {label}
    </TableSortLabel>
  );
}

/**
 * Columns of the customer table. Sorting happens on the backend over all
 * customers (the table holds only the pages loaded so far), so headers are
 * sort buttons rather than the table's own client-side sorting. Narrow
 * windows leave out the `wideOnly` columns: the app and channel are in the
 * filters and the report, the rest in the report and the CSV export.
 */
export function customerColumns(
  state: CustomerSortState,
  /** A customer's report, resolved once by the table for all its rows. */
  reportLink: (params: { customerId: string }) => string,
  narrow = false,
): CustomerColumn[] {
  const header = (label: string, sortKey: CustomerSort) => (
    <SortHeader label={label} sortKey={sortKey} state={state} />
  );
  const columns: (Omit<CustomerColumn, 'hidden' | 'width'> & {
    wideOnly?: boolean;
  })[] = [
    {
      title: header('Customer', 'name'),
      field: 'name',
      cellStyle: { fontWeight: 'bold' },
      render: row => (
        <CustomerName row={row} href={reportLink({ customerId: row.id })} />
      ),
    },
    {
      title: 'App\u00a0· channel',
      field: 'appSlug',
      wideOnly: true,
      cellStyle: ONE_LINE,
      render: row => <TwoLines first={row.appSlug} second={row.channelName} />,
    },
    {
      title: header('License\u00a0· expires', 'expiresAt'),
      field: 'expiresAt',
      cellStyle: ONE_LINE,
      render: row => (
        <TwoLines
          // The backend sends the label; the shared map covers an older backend.
          first={row.licenseTypeLabel || LICENSE_TYPE_LABELS[row.licenseType]}
          second={
            row.expiresAt && <DateTimeText iso={row.expiresAt} variant="date" />
          }
        />
      ),
    },
    {
      title: header('Health', 'status'),
      field: 'status',
      // No ONE_LINE: the counts may wrap between statuses ('2 ready ·' / '1 missing').
      render: row => <CustomerHealth row={row} />,
    },
    {
      title: header('Instances', 'activeInstances'),
      field: 'activeInstances',
      wideOnly: true,
      cellStyle: ONE_LINE,
      render: row => <Instances row={row} />,
    },
    {
      title: header('Last active', 'lastActiveAt'),
      field: 'lastActiveAt',
      wideOnly: true,
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
      title: header('Time to install', 'timeToInstall'),
      field: 'timeToInstallSeconds',
      wideOnly: true,
      cellStyle: ONE_LINE,
      render: row => <TimeToInstall row={row} />,
    },
  ];
  // A table gives every column the same width; '1%' shrinks the short
  // ones to their one-line values, and the customer column takes the rest. Headers wrap between words ('Time to / install'), so the table
  // fits 1280 px without scrolling.
  return columns.map(({ wideOnly, ...column }) => ({
    ...column,
    hidden: hiddenWhenNarrow({ wideOnly }, narrow),
    width: column.field === 'name' ? 'auto' : '1%',
  }));
}
