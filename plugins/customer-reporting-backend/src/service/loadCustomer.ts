import { NotFoundError } from '@backstage/errors';
import { RouteContext } from './routeContext';

/**
 * The stored customer, or 404 for an unknown one; with `asOf`, also for one
 * created after it, which did not exist yet (docs/metrics.md).
 */
export async function loadCustomer(
  ctx: RouteContext,
  customerId: string,
  asOf?: number,
) {
  const customer = await ctx.stores.report.getCustomer(customerId);
  if (!customer || (asOf !== undefined && Number(customer.created_at) > asOf))
    throw new NotFoundError(`Unknown customer: ${customerId}`);
  return customer;
}
