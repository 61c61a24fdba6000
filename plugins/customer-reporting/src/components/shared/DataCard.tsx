import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import { InfoCard, Progress } from '@backstage/core-components';
import { hasStatus } from './errorStatus';
import { LoadError } from './LoadError';

/** What a card knows about its data: the react-use async state shape. */
export interface AsyncValue<T> {
  loading: boolean;
  error?: Error;
  value?: T;
  retry?: () => void;
}

/**
 * A card that shows a progress bar until its data arrives and the backend's
 * error (with Retry) when it fails, "Not allowed" when the backend refused
 * (403) or "Your session expired" (401), and renders its body only with
 * data.
 *
 * @remarks
 * Every card of the report and instance pages has the same three states;
 * keeping them here means each card file only describes its data.
 */
export function DataCard<T>(props: {
  title: ReactNode;
  subheader?: ReactNode;
  /** Top-right corner of the header, e.g. buttons or a range selector. */
  action?: ReactNode;
  state: AsyncValue<T>;
  children: (value: T) => ReactNode;
  noPadding?: boolean;
  /**
   * Shown instead of the error when the backend does not know the subject
   * (404), for cards where that is a normal state rather than a failure,
   * e.g. an entity annotated with an app or customer no data arrived for yet.
   */
  notFound?: ReactNode;
}) {
  const { title, subheader, action, state, children, noPadding, notFound } =
    props;

  let body: ReactNode;
  if (notFound && hasStatus(state.error, 404)) {
    body = <Box p={noPadding ? 2 : 0}>{notFound}</Box>;
  } else if (state.error) {
    body = (
      <Box p={noPadding ? 2 : 0}>
        <LoadError error={state.error} retry={state.retry} />
      </Box>
    );
  } else if (state.value === undefined) {
    body = <Progress />;
  } else {
    body = (
      <>
        {/* A reload keeps the old data visible under a thin progress bar. */}
        {state.loading && <Progress />}
        {children(state.value)}
      </>
    );
  }

  return (
    <InfoCard
      title={title}
      subheader={subheader}
      action={action}
      variant="gridItem"
      noPadding={noPadding}
    >
      {body}
    </InfoCard>
  );
}
