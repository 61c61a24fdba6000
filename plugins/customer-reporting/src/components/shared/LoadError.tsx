import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { ResponseErrorPanel } from '@backstage/core-components';
import { notAllowed, NotAllowedState, NotAllowedText } from './NotAllowed';
import {
  SessionExpiredState,
  SessionExpiredText,
  sessionExpired,
} from './SessionExpired';

/**
 * What any page, list or card shows when its data could not be loaded: an
 * expired session (401) and a refusal (403) get their own states, since
 * retrying helps with neither; anything else shows the backend's error with
 * Retry (503 "database unavailable" is the case Retry is for).
 *
 * @remarks
 * `variant` is `page` where the state replaces a whole page or list (with an
 * illustration), `inline` inside a card or under a table.
 */
export function LoadError(props: {
  error: Error;
  retry?: () => void;
  /** Title of the error panel for the other failures. */
  title?: string;
  /** What a refusal keeps from the viewer on a page, e.g. 'the customers'. */
  what?: string;
  variant?: 'page' | 'inline';
}) {
  const { error, retry, title, what = 'this', variant = 'inline' } = props;
  const expired = sessionExpired(error);
  if (expired) {
    return variant === 'page' ? (
      <SessionExpiredState error={expired} />
    ) : (
      <SessionExpiredText error={expired} />
    );
  }
  const refusal = notAllowed(error);
  if (refusal) {
    return variant === 'page' ? (
      <NotAllowedState what={what} error={refusal} />
    ) : (
      <NotAllowedText error={refusal} />
    );
  }
  return (
    <>
      <ResponseErrorPanel title={title} error={error} />
      {retry && (
        <Box mt={2}>
          <Button variant="outlined" onClick={retry}>
            Retry
          </Button>
        </Box>
      )}
    </>
  );
}
