import { useState } from 'react';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@material-ui/icons/KeyboardArrowUp';
import { ReportInstallAttempt } from '@customer-reporting/plugin-customer-reporting-common';
import { formatDuration } from '../format';
import {
  ColumnSpec,
  DateTimeText,
  foldedUnder,
  Muted,
  rowCells,
  ShownColumn,
  ToneChip,
} from '../shared';
import { InstallStepChecklist } from './InstallStepChecklist';
import {
  ATTEMPT_STATUS_DISPLAY,
  attemptEnvironment,
  NETWORK_MODE_LABELS,
  REGISTRY_LABELS,
} from './installSteps';

const useStyles = makeStyles({
  // The detail row draws the bottom border, not the summary row above it.
  summary: { '& > *': { borderBottom: 'unset' } },
  detail: { paddingTop: 0, paddingBottom: 0 },
});

/**
 * The columns after the expand button, in order. Narrow windows keep the
 * status, type, start and duration as columns; the user, environment, mode
 * and registry show under the start (no other page has them).
 */
export const ATTEMPT_COLUMNS = [
  { key: 'status', label: 'Status' },
  { key: 'type', label: 'Type' },
  { key: 'started', label: 'Started' },
  { key: 'user', label: 'User', ...foldedUnder('started') },
  { key: 'environment', label: 'Environment', ...foldedUnder('started') },
  { key: 'mode', label: 'Mode', ...foldedUnder('started') },
  { key: 'registry', label: 'Registry', ...foldedUnder('started') },
  { key: 'duration', label: 'Duration' },
] as const satisfies readonly ColumnSpec[];

type AttemptColumn = ShownColumn<(typeof ATTEMPT_COLUMNS)[number]['key']>;

const TYPE_LABELS = { helm: 'Helm', linux: 'Linux' };

function text(value: string | null | undefined) {
  return value ? value : <Muted>–</Muted>;
}

/**
 * One install attempt; expands (button or row click) to its step checklist.
 */
export function InstallAttemptRow(props: {
  attempt: ReportInstallAttempt;
  columns: readonly AttemptColumn[];
}) {
  const { attempt, columns } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const status = ATTEMPT_STATUS_DISPLAY[attempt.status];
  // Each shown in its column, or on narrow windows under the start.
  const secondary = {
    user: attempt.userEmail,
    environment: attemptEnvironment(attempt.environment),
    mode: attempt.networkMode && NETWORK_MODE_LABELS[attempt.networkMode],
    registry: attempt.registry && REGISTRY_LABELS[attempt.registry],
  };
  const detailId = `install-attempt-${attempt.id}`;

  return (
    <>
      <TableRow
        hover
        className={classes.summary}
        onClick={() => setOpen(o => !o)}
        style={{ cursor: 'pointer' }}
      >
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={open ? 'Hide install steps' : 'Show install steps'}
            aria-expanded={open}
            aria-controls={detailId}
            onClick={e => {
              // The row toggles too; one toggle per click.
              e.stopPropagation();
              setOpen(o => !o);
            }}
          >
            {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
          </IconButton>
        </TableCell>
        {rowCells(
          columns,
          {
            status: (
              <TableCell>
                <ToneChip
                  label={status.label}
                  tone={status.tone}
                  ariaLabel={`Install status: ${status.label}`}
                />
              </TableCell>
            ),
            type: (
              <TableCell>
                {attempt.installType
                  ? TYPE_LABELS[attempt.installType]
                  : text(null)}
              </TableCell>
            ),
            started: (
              <TableCell>
                <DateTimeText iso={attempt.startedAt} />
              </TableCell>
            ),
            user: <TableCell>{text(secondary.user)}</TableCell>,
            environment: <TableCell>{text(secondary.environment)}</TableCell>,
            mode: <TableCell>{text(secondary.mode)}</TableCell>,
            registry: <TableCell>{text(secondary.registry)}</TableCell>,
            duration: (
              <TableCell>
                {attempt.durationSeconds === null
                  ? text(null)
                  : formatDuration(attempt.durationSeconds)}
              </TableCell>
            ),
          },
          secondary,
        )}
      </TableRow>
      <TableRow>
        <TableCell className={classes.detail} colSpan={columns.length + 1}>
          <Collapse in={open} timeout="auto" unmountOnExit>
            <div id={detailId}>
              <InstallStepChecklist attempt={attempt} />
            </div>
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
