import { ReactElement } from 'react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ResponseError } from '@backstage/errors';
import { CustomerReportingApi, customerReportingApiRef } from '../api';
import { rootRouteRef } from '../routes';

/**
 * Renders an element in a test app with a mocked customer reporting API,
 * the plugin mounted at /customer-reporting so sub-route links resolve.
 * Permissions are allowed (the demo policy); a test of a denied action wraps
 * its element in its own TestApiProvider for permissionApiRef, which wins.
 */
export async function renderWithApi(
  element: ReactElement,
  api: Partial<CustomerReportingApi>,
  routeEntries = ['/'],
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [customerReportingApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries,
      mountedRoutes: { '/customer-reporting': rootRouteRef },
    },
  );
}

/** A promise that never settles: keeps a component in its loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** The ResponseError the client throws for a Backstage error body. */
export function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}
