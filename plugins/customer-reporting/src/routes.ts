import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the customer list page is mounted; apps choose the actual path. */
export const rootRouteRef = createRouteRef({
  id: 'customer-reporting',
});
