import { createContext, ReactNode, useContext, useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { InstanceDetails } from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { AsyncValue } from '../shared';

/** What the instance cards read from {@link InstanceDetailsProvider}. */
export interface InstanceDetailsContextValue
  extends AsyncValue<InstanceDetails> {
  instanceId: string;
  /** Passed on to the uptime and event requests of the cards. */
  asOf?: string;
}

const InstanceDetailsContext = createContext<
  InstanceDetailsContextValue | undefined
>(undefined);

/**
 * Loads one instance's details once for the cards below it, and tells the
 * uptime and activity cards which instance they show.
 *
 * @public
 */
export function InstanceDetailsProvider(props: {
  instanceId: string;
  /** Show the instance as of this ISO 8601 time instead of now. */
  asOf?: string;
  children: ReactNode;
}) {
  const { instanceId, asOf, children } = props;
  const api = useApi(customerReportingApiRef);

  const state = useAsyncRetry(
    () => api.getInstance(instanceId, { asOf }),
    [api, instanceId, asOf],
  );
  // Never show the previous instance while the next one loads.
  const value =
    state.value?.instance.id === instanceId ? state.value : undefined;

  const context = useMemo<InstanceDetailsContextValue>(
    () => ({
      instanceId,
      asOf,
      loading: state.loading,
      error: state.error,
      value,
      retry: state.retry,
    }),
    [instanceId, asOf, state.loading, state.error, value, state.retry],
  );

  return (
    <InstanceDetailsContext.Provider value={context}>
      {children}
    </InstanceDetailsContext.Provider>
  );
}

/**
 * The details of the surrounding {@link InstanceDetailsProvider}.
 *
 * @public
 */
export function useInstanceDetails(): InstanceDetailsContextValue {
  const context = useContext(InstanceDetailsContext);
  if (!context) {
    throw new Error(
      'Instance cards must be rendered inside an <InstanceDetailsProvider>',
    );
  }
  return context;
}
