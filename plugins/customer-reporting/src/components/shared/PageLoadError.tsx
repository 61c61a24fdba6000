import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  Content,
  EmptyState,
  LinkButton,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { notAllowed, NotAllowedState } from './NotAllowed';

/**
 * What a page shows in place of its cards when its subject could not be
 * loaded: for an unknown id (404) a "not found" state naming the id, with a
 * way back to the customer list, and for a refusal (403) a "not allowed"
 * state, since retrying helps with neither; for anything else the backend's
 * error with Retry.
 */
export function PageLoadError(props: {
  /** 'customer' or 'instance'. */
  subject: 'customer' | 'instance';
  /** The id from the address, shown so a mistyped one can be spotted. */
  id: string;
  /** Title of the error panel for failures other than 404. */
  errorTitle: string;
  error: Error;
  retry?: () => void;
  /** The customer list, offered from the not-found state. */
  listPath: string;
}) {
  const { subject, id, errorTitle, error, retry, listPath } = props;
  const refusal = notAllowed(error);
  if (refusal) {
    return (
      <Content>
        <NotAllowedState what={`the ${subject} "${id}"`} error={refusal} />
      </Content>
    );
  }
  if (error instanceof ResponseError && error.statusCode === 404) {
    return (
      <Content>
        <EmptyState
          missing="data"
          title={
            subject === 'customer' ? 'Customer not found' : 'Instance not found'
          }
          description={`No ${subject} has the id "${id}": the link may be mistyped or out of date.`}
          action={
            <LinkButton to={listPath} variant="outlined">
              All customers
            </LinkButton>
          }
        />
      </Content>
    );
  }
  return (
    <Content>
      <ResponseErrorPanel title={errorTitle} error={error} />
      {retry && (
        <Box mt={2}>
          <Button variant="outlined" onClick={retry}>
            Retry
          </Button>
        </Box>
      )}
    </Content>
  );
}
