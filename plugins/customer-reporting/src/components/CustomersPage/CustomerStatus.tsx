import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { AppStatus } from '@internal/plugin-customer-reporting-common';

/**
 * Status indicator and label per application status. A Record (rather than a
 * switch) makes the compiler flag any status added to APP_STATUSES later.
 */
const STATUS_DISPLAY: Record<
  AppStatus,
  { Indicator: (props: { children?: ReactNode }) => JSX.Element; label: string }
> = {
  ready: { Indicator: StatusOK, label: 'Ready' },
  updating: { Indicator: StatusRunning, label: 'Updating' },
  degraded: { Indicator: StatusWarning, label: 'Degraded' },
  unavailable: { Indicator: StatusError, label: 'Unavailable' },
  missing: { Indicator: StatusError, label: 'Missing' },
};

/**
 * Status of a customer's most available active instance; null means the
 * customer has no active instance at all, which is not an error state.
 */
export function CustomerStatus(props: { status: AppStatus | null }) {
  const { status } = props;
  if (status === null) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        No active instance
      </Typography>
    );
  }
  const { Indicator, label } = STATUS_DISPLAY[status];
  return <Indicator>{label}</Indicator>;
}
