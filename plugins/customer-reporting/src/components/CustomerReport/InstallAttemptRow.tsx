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
import { DateTimeText, Muted, ToneChip } from '../shared';
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

/** Column headers, in the order {@link InstallAttemptRow} renders cells. */
export const ATTEMPT_COLUMNS = [
  'Status',
  'Type',
  'Started',
  'User',
  'Environment',
  'Mode',
  'Registry',
  'Duration',
];

const TYPE_LABELS = { helm: 'Helm', linux: 'Linux' };

function text(value: string | null | undefined) {
  return value ? value : <Muted>–</Muted>;
}

/**
 * One install attempt; expands (button or row click) to its step checklist.
 */
export function InstallAttemptRow(props: { attempt: ReportInstallAttempt }) {
  const { attempt } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const status = ATTEMPT_STATUS_DISPLAY[attempt.status];
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
        <TableCell>
          <ToneChip
            label={status.label}
            tone={status.tone}
            ariaLabel={`Install status: ${status.label}`}
          />
        </TableCell>
        <TableCell>
          {attempt.installType ? TYPE_LABELS[attempt.installType] : text(null)}
        </TableCell>
        <TableCell>
          <DateTimeText iso={attempt.startedAt} />
        </TableCell>
        <TableCell>{text(attempt.userEmail)}</TableCell>
        <TableCell>{text(attemptEnvironment(attempt.environment))}</TableCell>
        <TableCell>
          {text(
            attempt.networkMode && NETWORK_MODE_LABELS[attempt.networkMode],
          )}
        </TableCell>
        <TableCell>
          {text(attempt.registry && REGISTRY_LABELS[attempt.registry])}
        </TableCell>
        <TableCell>
          {attempt.durationSeconds === null
            ? text(null)
            : formatDuration(attempt.durationSeconds)}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell
          className={classes.detail}
          colSpan={ATTEMPT_COLUMNS.length + 1}
        >
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
