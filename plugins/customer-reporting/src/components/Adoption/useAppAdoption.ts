import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { AppAdoption } from '@customer-reporting/plugin-customer-reporting-common';
import { AppAdoptionQuery, customerReportingApiRef } from '../../api';

/** The adoption of an app (nothing until an app is chosen). */
export function useAppAdoption(
  appSlug: string | undefined,
  query: AppAdoptionQuery,
) {
  const api = useApi(customerReportingApiRef);
  const { channelSlug, range, asOf } = query;
  return useAsyncRetry(
    async (): Promise<AppAdoption | undefined> =>
      appSlug
        ? api.getAppAdoption(appSlug, { channelSlug, range, asOf })
        : undefined,
    [api, appSlug, channelSlug, range, asOf],
  );
}
