import { NotFoundError } from '@backstage/errors';
import { RouteContext } from './routeContext';

/** The stored customer, or 404 for an unknown one. */
export async function loadCustomer(ctx: RouteContext, customerId: string) {
  const customer = await ctx.stores.report.getCustomer(customerId);
  if (!customer) throw new NotFoundError(`Unknown customer: ${customerId}`);
  return customer;
}
