import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';
import { AsyncValue } from '../shared';

/** What the report cards read from {@link CustomerReportProvider}. */
export interface CustomerReportContextValue extends AsyncValue<CustomerReport> {
  customerId: string;
  includeInactive: boolean;
  includeArchived: boolean;
  setIncludeInactive: (include: boolean) => void;
  setIncludeArchived: (include: boolean) => void;
}

const CustomerReportContext = createContext<
  CustomerReportContextValue | undefined
>(undefined);

/**
 * Loads one customer's report once for all the cards below it.
 *
 * @remarks
 * The report route answers every section in one response, so the cards
 * share it through context instead of each fetching the same document. Wrap
 * any of the report cards in this provider to reuse them elsewhere, e.g.
 * on a catalog entity page.
 *
 * @public
 */
export function CustomerReportProvider(props: {
  customerId: string;
  /** Show the report as of this ISO 8601 time instead of now. */
  asOf?: string;
  children: ReactNode;
}) {
  const { customerId, asOf, children } = props;
  const api = useApi(customerReportingApiRef);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [includeArchived, setIncludeArchived] = useState(false);

  const state = useAsyncRetry(
    () =>
      api.getCustomerReport(customerId, {
        includeInactive,
        includeArchived,
        asOf,
      }),
    [api, customerId, includeInactive, includeArchived, asOf],
  );

  // react-use keeps the previous value while reloading, which is what the
  // toggles want; but another customer's report must never show here.
  const value =
    state.value?.customer.id === customerId ? state.value : undefined;

  const context = useMemo<CustomerReportContextValue>(
    () => ({
      customerId,
      loading: state.loading,
      error: state.error,
      value,
      retry: state.retry,
      includeInactive,
      includeArchived,
      setIncludeInactive,
      setIncludeArchived,
    }),
    [
      customerId,
      state.loading,
      state.error,
      value,
      state.retry,
      includeInactive,
      includeArchived,
    ],
  );

  return (
    <CustomerReportContext.Provider value={context}>
      {children}
    </CustomerReportContext.Provider>
  );
}

/**
 * The report of the surrounding {@link CustomerReportProvider}.
 *
 * @public
 */
export function useCustomerReport(): CustomerReportContextValue {
  const context = useContext(CustomerReportContext);
  if (!context) {
    throw new Error(
      'Customer report cards must be rendered inside a <CustomerReportProvider>',
    );
  }
  return context;
}
