import Typography from '@material-ui/core/Typography';
import { makeStyles, Theme } from '@material-ui/core/styles';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { customerReportingApiRef, InstallAttemptFilters } from '../../api';
import type { InstallAttemptFunnel } from '@customer-reporting/plugin-customer-reporting-common';
import { DataCard, Muted } from '../shared';
import { INSTALL_TYPE_LABELS, plural, stepLabel } from './labels';

type FunnelType = InstallAttemptFunnel['installTypes'][number];
type FunnelStep = FunnelType['steps'][number];

const useStyles = makeStyles((theme: Theme) => ({
  installType: { marginBottom: theme.spacing(2) },
  row: {
    display: 'grid',
    gridTemplateColumns: '9em minmax(0, 1fr) 3.5em',
    alignItems: 'center',
    columnGap: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
  },
  track: {
    height: 14,
    borderRadius: 2,
    backgroundColor:
      theme.palette.type === 'dark'
        ? theme.palette.grey[800]
        : theme.palette.grey[200],
  },
  bar: {
    height: '100%',
    borderRadius: 2,
    backgroundColor: theme.palette.primary.main,
  },
  count: { textAlign: 'right' },
  stops: { gridColumn: '2 / 4' },
}));

function describe(step: FunnelStep): string {
  return `${stepLabel(step.step)}: ${step.reached} reached, ${
    step.stalledHere
  } stalled here, ${step.failedHere} failed here`;
}

/** One install type: a bar per step, as wide as the share that reached it. */
function Funnel(props: { funnel: FunnelType }) {
  const { funnel } = props;
  const classes = useStyles();
  const label = INSTALL_TYPE_LABELS[funnel.installType] ?? funnel.installType;
  // Relative to the first step so the drop-off between steps is visible.
  const top = Math.max(1, ...funnel.steps.map(s => s.reached));
  return (
    <div className={classes.installType}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {label} · {plural(funnel.steps[0]?.reached ?? 0, 'attempt')}
      </Typography>
      <ol
        aria-label={`${label} funnel`}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {funnel.steps.map(step => (
          <li
            key={step.step}
            aria-label={describe(step)}
            className={classes.row}
          >
            <Typography variant="body2" noWrap>
              {stepLabel(step.step)}
            </Typography>
            <div className={classes.track}>
              <div
                className={classes.bar}
                style={{ width: `${(step.reached / top) * 100}%` }}
              />
            </div>
            <Typography variant="body2" className={classes.count}>
              {step.reached}
            </Typography>
            {(step.stalledHere > 0 || step.failedHere > 0) && (
              <Typography
                variant="caption"
                color="textSecondary"
                className={classes.stops}
              >
                Stopped here: {step.stalledHere} stalled, {step.failedHere}{' '}
                failed
              </Typography>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * How far attempts got per install type, and where stalled and failed ones
 * stopped: the steps to look at first.
 */
export function FunnelCard(props: { filters: InstallAttemptFilters }) {
  const { filters } = props;
  const api = useApi(customerReportingApiRef);
  const state = useAsyncRetry(
    () => api.getInstallAttemptFunnel(filters),
    [api, filters],
  );
  return (
    <DataCard
      title="Funnel"
      subheader="Attempts that reached each step"
      state={state}
    >
      {value => {
        const types = value.installTypes.filter(t =>
          t.steps.some(s => s.reached > 0),
        );
        return types.length === 0 ? (
          <Muted>No attempts with an install type match these filters</Muted>
        ) : (
          types.map(funnel => (
            <Funnel key={funnel.installType} funnel={funnel} />
          ))
        );
      }}
    </DataCard>
  );
}
