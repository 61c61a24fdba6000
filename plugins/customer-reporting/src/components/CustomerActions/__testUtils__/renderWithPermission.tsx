import { ReactElement } from 'react';
import { mockApis, TestApiProvider } from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { CustomerReportingApi } from '../../../api';
import { renderWithApi } from '../../../__testUtils__';

/** Every permission's answer, or an answer per permission name. */
export type PermissionDecision =
  | AuthorizeResult.ALLOW
  | AuthorizeResult.DENY
  | ((permissionName: string) => AuthorizeResult.ALLOW | AuthorizeResult.DENY);

/**
 * Renders with a permission API that answers every request with `decision`,
 * or per permission name when `decision` is a function.
 */
export async function renderWithPermission(
  element: ReactElement,
  api: Partial<CustomerReportingApi>,
  decision: PermissionDecision,
) {
  const permissionApi = mockApis.permission({
    authorize:
      typeof decision === 'function'
        ? request => decision(request.permission.name)
        : decision,
  });
  return renderWithApi(
    <TestApiProvider apis={[[permissionApiRef, permissionApi]]}>
      {element}
    </TestApiProvider>,
    api,
  );
}
