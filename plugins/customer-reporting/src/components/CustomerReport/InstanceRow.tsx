import { MouseEvent, ReactNode } from 'react';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import { useNavigate } from 'react-router-dom';
import { Link } from '@backstage/core-components';
import { ReportInstance } from '@customer-reporting/plugin-customer-reporting-common';
import {
  AppStatusChip,
  ColumnSpec,
  DateTimeText,
  foldedUnder,
  Muted,
  rowCells,
  ShownColumn,
  TagChips,
  ToneChip,
  UptimeDayBars,
} from '../shared';
import { formatPercent, nodesReadyText } from '../format';
import { instanceLabel } from './InstanceLink';

/**
 * A cell's padding, the first column's wider on the left: nine columns must
 * fit a 1280 px window next to the sidebar. Headers and values share it.
 */
const cellPadding = (theme: Theme, first: boolean) => ({
  padding: theme.spacing(0.75, 1),
  paddingLeft: theme.spacing(first ? 2 : 1),
});

const useStyles = makeStyles((theme: Theme) => ({
  row: { cursor: 'pointer' },
  // Short values kept on one line rather than broken mid-word.
  cell: {
    verticalAlign: 'top',
    whiteSpace: 'nowrap',
    ...cellPadding(theme, false),
    '&:first-child': cellPadding(theme, true),
  },
  inactive: { color: theme.palette.error.main },
  markers: { display: 'flex', gap: 4, '&:empty': { display: 'none' } },
  // Typography's caption as a class: a row has up to six of these lines,
  // and a Typography is three components deep for each.
  subLine: {
    ...theme.typography.caption,
    color: theme.palette.text.secondary,
  },
}));

/**
 * The columns, in order. Narrow windows keep what identifies an instance
 * and its health (name, status, version, last check-in) as columns, and
 * the 14-day uptime ratio under the status (its bars need the width); the
 * cluster, KOTS / SDK, cloud, tags and day-by-day uptime are on the
 * instance page the row opens.
 */
export const INSTANCE_COLUMNS = [
  { key: 'instance', label: 'Instance' },
  { key: 'status', label: 'Status' },
  { key: 'version', label: 'Version' },
  { key: 'cluster', label: 'Cluster', wideOnly: true },
  { key: 'kots', label: 'KOTS / SDK', wideOnly: true },
  { key: 'cloud', label: 'Cloud', wideOnly: true },
  { key: 'checkIn', label: 'Last check-in' },
  { key: 'tags', label: 'Tags', wideOnly: true },
  {
    key: 'uptime',
    label: 'Uptime (14 days)',
    ...foldedUnder('status', '14-day uptime'),
  },
] as const satisfies readonly ColumnSpec[];

type InstanceColumn = ShownColumn<(typeof INSTANCE_COLUMNS)[number]['key']>;

/**
 * The header row of the instances table, each header padded like the cells
 * below it so it starts where its column's values start; unlike values,
 * headers may wrap ('Uptime (14 days)'). Inline padding rather than the
 * rows' class: using that style sheet here, ahead of the first TableCell,
 * would let TableCell's own styles win over the rows' ones.
 */
export function InstanceHeaderRow(props: {
  columns: readonly InstanceColumn[];
}) {
  const theme = useTheme();
  return (
    <TableRow>
      {props.columns.map((column, index) => (
        <TableCell key={column.key} style={cellPadding(theme, index === 0)}>
          {column.label}
        </TableCell>
      ))}
    </TableRow>
  );
}

/** A main value with secondary lines below it (empty ones left out). */
function Lines(props: {
  main: ReactNode;
  sub?: ReactNode[];
  /** The row's `subLine` class, passed down rather than looked up per cell. */
  subClassName: string;
}) {
  return (
    <>
      <div>{props.main ?? <Muted>–</Muted>}</div>
      {props.sub?.filter(Boolean).map((line, index) => (
        <div key={index} className={props.subClassName}>
          {line}
        </div>
      ))}
    </>
  );
}

function versionsBehind(count: number | null): string | undefined {
  if (count === null) return undefined;
  return count === 0 ? 'Latest' : `${count} behind`;
}

/** Tags other than `name`, which the instance column already shows. */
function extraTags(instance: ReportInstance): [string, string][] {
  return Object.entries(instance.tags).filter(
    ([key, value]) => !(key === 'name' && value === instance.name),
  );
}

/**
 * One instance of the instances card. The whole row opens the instance
 * page; the name is also a real link for keyboard and screen reader users.
 */
export function InstanceRow(props: {
  instance: ReportInstance;
  /** The instance page, resolved once by the table for all its rows. */
  href: string;
  columns: readonly InstanceColumn[];
}) {
  const { instance, href, columns } = props;
  const classes = useStyles();
  const navigate = useNavigate();

  const onClick = (event: MouseEvent) => {
    // The link navigates by itself; tooltips and chips are not navigation.
    if ((event.target as HTMLElement).closest('a, button')) return;
    navigate(href);
  };

  return (
    <TableRow hover className={classes.row} onClick={onClick}>
      {rowCells(
        columns,
        {
          instance: (
            <TableCell className={classes.cell}>
              <Lines
                subClassName={classes.subLine}
                main={<Link to={href}>{instanceLabel(instance)}</Link>}
                sub={[instance.name ? instance.shortId : undefined]}
              />
              <div className={classes.markers}>
                {instance.airgap && <ToneChip label="Air gap" tone="info" />}
                {instance.archived && (
                  <ToneChip label="Archived" tone="neutral" />
                )}
              </div>
            </TableCell>
          ),
          status: (
            <TableCell className={classes.cell}>
              <AppStatusChip status={instance.status} />
            </TableCell>
          ),
          version: (
            <TableCell className={classes.cell}>
              <Lines
                subClassName={classes.subLine}
                main={instance.appVersion}
                sub={[versionsBehind(instance.versionsBehind)]}
              />
            </TableCell>
          ),
          cluster: (
            <TableCell className={classes.cell}>
              <Lines
                subClassName={classes.subLine}
                main={instance.k8sDistribution}
                sub={[
                  instance.k8sVersion && `Kubernetes ${instance.k8sVersion}`,
                  nodesReadyText(instance),
                ]}
              />
            </TableCell>
          ),
          kots: (
            <TableCell className={classes.cell}>
              <Lines
                subClassName={classes.subLine}
                main={instance.kotsVersion && `KOTS ${instance.kotsVersion}`}
                sub={[instance.sdkVersion && `SDK ${instance.sdkVersion}`]}
              />
            </TableCell>
          ),
          cloud: (
            <TableCell className={classes.cell}>
              <Lines
                subClassName={classes.subLine}
                main={instance.cloudProvider}
                sub={[instance.cloudRegion]}
              />
            </TableCell>
          ),
          checkIn: (
            <TableCell
              className={`${classes.cell} ${
                instance.active ? '' : classes.inactive
              }`}
            >
              <Lines
                subClassName={classes.subLine}
                main={
                  <DateTimeText
                    iso={instance.lastCheckInAt}
                    variant="relative"
                  />
                }
                sub={[
                  !instance.active && (
                    <span className={classes.inactive}>Inactive</span>
                  ),
                ]}
              />
            </TableCell>
          ),
          tags: (
            <TableCell className={classes.cell}>
              <TagChips tags={extraTags(instance)} maxWidth={160} />
            </TableCell>
          ),
          uptime: (
            <TableCell className={classes.cell}>
              <UptimeDayBars
                days={instance.uptime.days}
                ratio={instance.uptime.ratio}
              />
            </TableCell>
          ),
        },
        {
          uptime:
            instance.uptime.ratio === null
              ? null
              : formatPercent(instance.uptime.ratio),
        },
      )}
    </TableRow>
  );
}
