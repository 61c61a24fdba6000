import { Content, EmptyState, LinkButton } from '@backstage/core-components';
import { hasStatus } from './errorStatus';
import { LoadError } from './LoadError';

/**
 * What a page shows in place of its cards when its subject could not be
 * loaded: for an unknown id (404) a "not found" state naming the id, with a
 * way back to the customer list; otherwise {@link LoadError}'s page states
 * (expired session, refusal, or the backend's error with Retry).
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
  if (hasStatus(error, 404)) {
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
      <LoadError
        variant="page"
        what={`the ${subject} "${id}"`}
        title={errorTitle}
        error={error}
        retry={retry}
      />
    </Content>
  );
}
