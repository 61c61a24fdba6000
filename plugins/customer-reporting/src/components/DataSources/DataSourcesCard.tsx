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
  DataCard,
  DateTimeText,
  Muted,
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

const COLUMNS = [
  'Source',
  'State',
  'Last success',
  'Last run',
  'Figures',
  'Last error',
];

/** `checkInsTooOld` → `check ins too old`: the keys are the source's own. */
function figureLabel(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function Figures(props: { counts: DataSourceStatus['counts'] }) {
  const entries = Object.entries(props.counts ?? {});
  if (entries.length === 0) return <Muted>–</Muted>;
  return (
    <>
      {entries
        .map(([key, value]) => `${figureLabel(key)}: ${value}`)
        .join(' · ')}
    </>
  );
}

/** One source: its state stands out when it never synced or last failed. */
function SourceRow(props: { source: DataSourceStatus }) {
  const { source } = props;
  const classes = useTableStyles();
  const display = STATE_DISPLAY[source.state];
  const when = (iso: string | null) => (
    <TableCell className={classes.nowrap}>
      <DateTimeText iso={iso} variant="relative" placeholder="Never" />
    </TableCell>
  );
  return (
    <TableRow>
      <TableCell className={classes.nowrap}>{source.id}</TableCell>
      <TableCell>
        <ToneChip
          label={display.label}
          tone={display.tone}
          ariaLabel={`Sync state: ${display.label}`}
        />
      </TableCell>
      {when(source.lastSucceededAt)}
      {when(source.lastStartedAt)}
      <TableCell className={classes.wrap}>
        <Figures counts={source.counts} />
      </TableCell>
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
          {source => <SourceRow key={source.id} source={source} />}
        </CardTable>
      )}
    </DataCard>
  );
}
