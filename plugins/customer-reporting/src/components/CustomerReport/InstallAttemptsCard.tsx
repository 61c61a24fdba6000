import { useCallback } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef } from '../../api';
import {
  CardEmpty,
  CsvDownloadButton,
  DataCard,
  ScrollingTable,
  useNarrowTablePadding,
  useShownColumns,
} from '../shared';
import { useCustomerReport } from './CustomerReportProvider';
import { ATTEMPT_COLUMNS, InstallAttemptRow } from './InstallAttemptRow';

/**
 * The customer's install attempts, newest first, each expandable to its
 * step checklist, with a CSV download of all of them (narrow windows show
 * fewer columns; the CSV has every one).
 *
 * @public
 */
export function InstallAttemptsCard() {
  const report = useCustomerReport();
  const api = useApi(customerReportingApiRef);
  const { customerId } = report;
  const columns = useShownColumns(ATTEMPT_COLUMNS);
  const padding = useNarrowTablePadding();
  const fetchCsv = useCallback(
    () => api.exportInstallAttemptsCsv({ customerId }),
    [api, customerId],
  );

  return (
    <DataCard
      title="Install attempts"
      action={
        <CsvDownloadButton
          label="Download CSV"
          filename={`install-attempts-${customerId}.csv`}
          fetchCsv={fetchCsv}
        />
      }
      state={report}
      noPadding
    >
      {({ installAttempts }) =>
        installAttempts.length === 0 ? (
          <CardEmpty
            inset
            title="No install attempts"
            description="Attempts appear once the customer starts an install."
          />
        ) : (
          <ScrollingTable label="Install attempts">
            <Table
              size="small"
              aria-label="Install attempts"
              className={padding.table}
            >
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">
                    <Typography variant="srOnly">Steps</Typography>
                  </TableCell>
                  {columns.map(column => (
                    <TableCell key={column.key}>{column.label}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {installAttempts.map(attempt => (
                  <InstallAttemptRow
                    key={attempt.id}
                    attempt={attempt}
                    columns={columns}
                  />
                ))}
              </TableBody>
            </Table>
          </ScrollingTable>
        )
      }
    </DataCard>
  );
}
