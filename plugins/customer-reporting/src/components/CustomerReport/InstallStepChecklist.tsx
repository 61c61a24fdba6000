import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import RadioButtonUncheckedIcon from '@material-ui/icons/RadioButtonUnchecked';
import { ReportInstallAttempt } from '@customer-reporting/plugin-customer-reporting-common';
import { DateTimeText, Muted } from '../shared';
import { stepChecklist, StepState } from './installSteps';

const useStyles = makeStyles((theme: Theme) => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
  },
  label: { minWidth: '12em' },
  done: { color: theme.palette.success.main },
  failed: { color: theme.palette.error.main },
  pending: { color: theme.palette.text.disabled },
  reason: { color: theme.palette.error.main, overflowWrap: 'anywhere' },
}));

function StepIcon(props: { step: StepState }) {
  const classes = useStyles();
  // Icons are decorative: the text next to them says the same.
  if (props.step.failed) {
    return (
      <ErrorIcon fontSize="small" className={classes.failed} aria-hidden />
    );
  }
  if (props.step.at) {
    return (
      <CheckCircleIcon fontSize="small" className={classes.done} aria-hidden />
    );
  }
  return (
    <RadioButtonUncheckedIcon
      fontSize="small"
      className={classes.pending}
      aria-hidden
    />
  );
}

/** The expanded part of an install attempt: its steps and failure reason. */
export function InstallStepChecklist(props: { attempt: ReportInstallAttempt }) {
  const { attempt } = props;
  const classes = useStyles();
  const steps = stepChecklist(attempt);
  return (
    // Indented past the expand button, under the status column.
    <Box py={1} pl={6}>
      {steps.length === 0 ? (
        <Muted>No steps reported</Muted>
      ) : (
        <ol className={classes.list} aria-label="Install steps">
          {steps.map(step => (
            <li key={step.step} className={classes.item}>
              <StepIcon step={step} />
              <span className={classes.label}>{step.label}</span>
              {step.at && <DateTimeText iso={step.at} />}
              {!step.at && step.failed && (
                <span className={classes.failed}>Failed</span>
              )}
              {!step.at && !step.failed && <Muted>Pending</Muted>}
            </li>
          ))}
        </ol>
      )}
      {attempt.reason && (
        <Typography variant="body2" className={classes.reason}>
          <strong>Failure reason:</strong> {attempt.reason}
        </Typography>
      )}
    </Box>
  );
}
