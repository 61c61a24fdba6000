import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { EmptyState } from '@backstage/core-components';
import { identityApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { hasStatus } from './errorStatus';

/**
 * The backend's 401, else undefined. Without valid credentials every request
 * fails the same way, so Retry (the same call with the same token) cannot
 * help: only a new sign-in can.
 */
export function sessionExpired(error: Error): ResponseError | undefined {
  return hasStatus(error, 401) ? error : undefined;
}

/** The title of the state, and how a failed action's message begins. */
export const SESSION_EXPIRED = 'Your session expired';

function explanation(error: ResponseError) {
  return `The customer-reporting backend no longer accepts your sign-in (${error.cause.message}). Sign in again, or reload the page if you already did in another tab.`;
}

/**
 * Ways out of an expired session. Signing out lands on the app's sign-in
 * page; a reload lets the app refresh a session that is still valid at the
 * auth provider. The identity API is optional so the cards still render in
 * apps (and tests) that do not provide it.
 */
function SignInActions() {
  const identity = useApiHolder().get(identityApiRef);
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
      {identity && (
        <Button
          variant="contained"
          color="primary"
          onClick={() => identity.signOut()}
        >
          Sign in again
        </Button>
      )}
      <Button variant="outlined" onClick={() => window.location.reload()}>
        Reload page
      </Button>
    </Box>
  );
}

/** An expired session in place of a page or a list. */
export function SessionExpiredState(props: { error: ResponseError }) {
  return (
    <EmptyState
      missing="info"
      title={SESSION_EXPIRED}
      description={explanation(props.error)}
      action={<SignInActions />}
    />
  );
}

/** An expired session inside a card, where an illustration would not fit. */
export function SessionExpiredText(props: { error: ResponseError }) {
  return (
    <>
      <Typography variant="subtitle1">{SESSION_EXPIRED}</Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {explanation(props.error)}
      </Typography>
      <SignInActions />
    </>
  );
}
