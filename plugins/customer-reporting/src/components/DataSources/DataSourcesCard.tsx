import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  DataSourceStatus,
  DataSourceSyncState,
} from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { useTableStyles } from '../InstallAttempts/tableStyles';
import {
  CardTable,
  ColumnSpec,
  DataCard,
  DateTimeText,
  foldedUnder,
  Muted,
  rowCells,
  ShownColumn,
  Tone,
  ToneChip,
} from '../shared';

const STATE_DISPLAY: Record<
  DataSourceSyncState,
  { label: string; tone: Tone }
> = {
  'never-run': { label: 'Never synced', tone: 'warning' },
  running: { label: 'Syncing', tone: 'info' },
  succeeded: { label: 'Synced', tone: 'success' },
  failed: { label: 'Failed', tone: 'error' },
};

/**
 * Narrow windows keep the source, its state, its last success and the
 * error that explains a failure as columns; the last run shows under the
 * last success and the figures under the source (no other page has them).
 */
const COLUMNS = [
  { key: 'source', label: 'Source' },
  { key: 'state', label: 'State' },
  { key: 'lastSuccess', label: 'Last success' },
  { key: 'lastRun', label: 'Last run', ...foldedUnder('lastSuccess') },
  { key: 'figures', label: 'Figures', ...foldedUnder('source', '') },
  { key: 'lastError', label: 'Last error' },
] as const satisfies readonly ColumnSpec[];

type SourceColumn = ShownColumn<(typeof COLUMNS)[number]['key']>;

/** `checkInsTooOld` → `check ins too old`: the keys are the source's own. */
function figureLabel(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `customers: 5 · check ins too old: 2`, or null when there are none. */
function figuresText(counts: DataSourceStatus['counts']): string | null {
  const entries = Object.entries(counts ?? {});
  if (entries.length === 0) return null;
  return entries
    .map(([key, value]) => `${figureLabel(key)}: ${value}`)
    .join(' · ');
}

/** One source: its state stands out when it never synced or last failed. */
function SourceRow(props: {
  source: DataSourceStatus;
  columns: readonly SourceColumn[];
}) {
  const { source, columns } = props;
  const classes = useTableStyles();
  const display = STATE_DISPLAY[source.state];
  const figures = figuresText(source.counts);
  const when = (iso: string | null) => (
    <DateTimeText iso={iso} variant="relative" placeholder="Never" />
  );
  const whenCell = (iso: string | null) => (
    <TableCell className={classes.nowrap}>{when(iso)}</TableCell>
  );
  return (
    <TableRow>
      {rowCells(
        columns,
        {
          source: <TableCell className={classes.nowrap}>{source.id}</TableCell>,
          state: (
            <TableCell>
              <ToneChip
                label={display.label}
                tone={display.tone}
                ariaLabel={`Sync state: ${display.label}`}
              />
            </TableCell>
          ),
          lastSuccess: whenCell(source.lastSucceededAt),
          lastRun: whenCell(source.lastStartedAt),
          figures: (
            <TableCell className={classes.wrap}>
              {figures ?? <Muted>–</Muted>}
            </TableCell>
          ),
          lastError: (
            <TableCell className={classes.wrap}>
              {source.lastError ? (
                <Typography
                  variant="body2"
                  color={source.state === 'failed' ? 'error' : 'textSecondary'}
                >
                  {source.lastError}
                </Typography>
              ) : (
                <Muted>–</Muted>
              )}
            </TableCell>
          ),
        },
        {
          lastRun: source.lastStartedAt && when(source.lastStartedAt),
          figures,
        },
      )}
    </TableRow>
  );
}

/**
 * Every data source the backend pulls from, with the outcome of its latest
 * sync. A source that never synced or whose latest sync failed stands out,
 * and a failure shows its error; the data from earlier syncs is still there.
 */
export function DataSourcesCard() {
  const api = useApi(customerReportingApiRef);
  const classes = useTableStyles();
  const state = useAsyncRetry(() => api.listDataSources(), [api]);
  return (
    <DataCard
      title="Data sources"
      subheader="Systems the portal pulls customer data from on a schedule"
      state={state}
      noPadding
    >
      {({ items }) => (
        <CardTable
          label="Data sources"
          columns={COLUMNS}
          empty="No data sources are configured: data arrives through the ingest routes only"
          className={classes.table}
          rows={items}
        >
          {(source, _index, columns) => (
            <SourceRow key={source.id} source={source} columns={columns} />
          )}
        </CardTable>
      )}
    </DataCard>
  );
}
