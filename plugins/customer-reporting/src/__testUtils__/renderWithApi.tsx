import { ReactElement } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { CustomerReportingApi, customerReportingApiRef } from '../api';
import { rootRouteRef } from '../routes';

/**
 * Renders an element in a test app with a mocked customer reporting API,
 * the plugin mounted at /customer-reporting so sub-route links resolve.
 */
export async function renderWithApi(
  element: ReactElement,
  api: Partial<CustomerReportingApi>,
  routeEntries = ['/'],
) {
  return renderInTestApp(
    <TestApiProvider apis={[[customerReportingApiRef, api]]}>
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
