import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import type { CustomerAuditEntry } from '@customer-reporting/plugin-customer-reporting-common';
import { useCustomerReport } from '../CustomerReport/CustomerReportProvider';
import {
  CardTable,
  ColumnSpec,
  DataCard,
  DateTimeText,
  foldedUnder,
  LoadMoreFooter,
  Muted,
  rowCells,
  useNarrowTablePadding,
  ShownColumn,
} from '../shared';
import { useCustomerAudit } from './useCustomerAudit';

/** Sentences for the backend's audit actions; unknown ones show as sent. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'license-download': 'Downloaded the license',
  'portal-password-generated': 'Generated a portal password',
  'portal-password-set': 'Set the portal password',
  'portal-user-invited': 'Invited a portal user',
  'enterprise-portal-enabled': 'Enabled the Enterprise Portal',
  'enterprise-portal-disabled': 'Disabled the Enterprise Portal',
  'instance-archived': 'Archived an instance',
  'instance-unarchived': 'Unarchived an instance',
  export: 'Exported data',
};

/**
 * A detail's value as read: text as is, a list as `[a, b]`, an object as
 * `{key: value, ...}`. Every comma is followed by a space, so an export's
 * filters wrap between values; compact JSON (`["failed","stalled"]`) is
 * one word, and a long filter set one line wider than a narrow card.
 */
function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${formatPairs(value)}}`;
  return String(value);
}

function formatPairs(values: object): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}: ${formatValue(value)}`)
    .join(', ');
}

/** `email: dev@acme.test, status: [failed, stalled]`. */
function formatDetails(details: Record<string, unknown>): string {
  return formatPairs(details ?? {});
}

/**
 * Narrow windows keep when and what as columns, with who under when and
 * the details (an invited email, an export's filters) under what: no other
 * page has them, and an actor ref and an email side by side in columns of
 * their own would not fit about 500 px.
 */
const COLUMNS = [
  { key: 'when', label: 'When' },
  { key: 'who', label: 'Who', ...foldedUnder('when') },
  { key: 'what', label: 'What' },
  { key: 'details', label: 'Details', ...foldedUnder('what', '') },
] as const satisfies readonly ColumnSpec[];

type AuditColumn = ShownColumn<(typeof COLUMNS)[number]['key']>;

function AuditRow(props: {
  entry: CustomerAuditEntry;
  columns: readonly AuditColumn[];
}) {
  const { entry, columns } = props;
  const details = formatDetails(entry.details);
  return (
    <TableRow>
      {rowCells(
        columns,
        {
          when: (
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <DateTimeText iso={entry.at} />
            </TableCell>
          ),
          who: <TableCell>{entry.actor}</TableCell>,
          what: (
            <TableCell>
              {AUDIT_ACTION_LABELS[entry.action] ?? entry.action}
            </TableCell>
          ),
          details: <TableCell>{details || <Muted>–</Muted>}</TableCell>,
        },
        { who: entry.actor, details: details || null },
      )}
    </TableRow>
  );
}

/**
 * The customer's audit trail (who did what, when): license downloads,
 * password changes, invitations. Newest first, with "Load more".
 *
 * @public
 */
export function CustomerActivityCard() {
  const report = useCustomerReport();
  // Reloads with the report, which every customer action refreshes.
  const audit = useCustomerAudit(report.customerId, report.value);
  const padding = useNarrowTablePadding();

  return (
    <DataCard title="Activity" state={audit.state} noPadding>
      {items => (
        <>
          <CardTable
            label="Customer activity"
            className={padding.table}
            columns={COLUMNS}
            empty="No activity yet"
            rows={items}
          >
            {(entry, index, columns) => (
              // Entries have no ID; position plus time is unique here.
              <AuditRow
                key={`${index}-${entry.at}`}
                entry={entry}
                columns={columns}
              />
            )}
          </CardTable>
          {items.length > 0 && <LoadMoreFooter list={audit} what="activity" />}
        </>
      )}
    </DataCard>
  );
}
