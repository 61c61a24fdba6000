import Typography from '@material-ui/core/Typography';
import { EmptyState } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { hasStatus } from './errorStatus';

/**
 * The backend's 403, else undefined. A refusal is no failure to retry: the
 * error panel (status, JSON, stack trace) and a Retry button read as a crash
 * to someone who only lacks a permission, e.g. a member of the default owner
 * group looking at a customer entity whose report they may not read.
 */
export function notAllowed(error: Error): ResponseError | undefined {
  return hasStatus(error, 403) ? error : undefined;
}

/** The backend's reason names the permission (and customer) it refused. */
function reason(error: ResponseError) {
  return `The customer-reporting backend refused: ${error.cause.message}. Ask your Backstage admin for access.`;
}

/** A refusal in place of a page or a list. */
export function NotAllowedState(props: { what: string; error: ResponseError }) {
  return (
    <EmptyState
      missing="info"
      title="Not allowed"
      description={`You may not see ${props.what}. ${reason(props.error)}`}
    />
  );
}

/** A refusal inside a card, where an illustration would not fit. */
export function NotAllowedText(props: { error: ResponseError }) {
  return (
    <>
      <Typography variant="subtitle1">Not allowed</Typography>
      <Typography variant="body2" color="textSecondary">
        {reason(props.error)}
      </Typography>
    </>
  );
}
