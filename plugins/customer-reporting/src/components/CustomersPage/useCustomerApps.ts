import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { CustomerApp } from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingApiRef } from '../../api';

/**
 * The apps (with their channels) of the customers the user may see, for the
 * app and channel selects. While loading, or when the call fails, the list
 * is empty and the selects offer only "All" and the value in the URL: the
 * customer list itself still works.
 */
export function useCustomerApps(): CustomerApp[] {
  const api = useApi(customerReportingApiRef);
  // async: an implementation without listApps fails here, not in render.
  const { value } = useAsync(async () => api.listApps(), [api]);
  return value?.items ?? [];
}
