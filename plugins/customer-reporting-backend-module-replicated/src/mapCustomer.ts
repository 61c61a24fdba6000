import { LICENSE_TYPES } from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerInput } from '@customer-reporting/plugin-customer-reporting-common';
import { cut, fit, fitEmail, fitMultiline, fitUrl } from './fit';
import { VendorCustomer } from './parseCustomers';

/**
 * The customer as `PUT /v1/customers/{id}` takes it, or the reason it cannot
 * be stored. License type `prod` is Paid; Replicated's other types have the
 * same names as ours.
 */
export function mapCustomer(
  customer: VendorCustomer,
  target: { appSlug: string; channelSlug: string },
  now: number,
): { body: CustomerInput } | { skip: string } {
  const licenseType =
    customer.licenseType === 'prod' ? 'paid' : customer.licenseType;
  if (!(LICENSE_TYPES as readonly string[]).includes(licenseType)) {
    return { skip: `unknown license type ${customer.licenseType}` };
  }
  return {
    body: {
      name: cut(customer.name, 255, customer.id),
      appSlug: target.appSlug,
      channelSlug: target.channelSlug,
      email: fitEmail(customer.email),
      customId: fit(customer.customId, 255),
      licenseType,
      licenseId: cut(customer.licenseId ?? customer.id, 255, customer.id),
      // Clock skew must not make the customer unstorable.
      createdAt: new Date(Math.min(customer.createdAt, now)).toISOString(),
      expiresAt:
        customer.expiresAt === undefined
          ? null
          : new Date(customer.expiresAt).toISOString(),
      archived: customer.archived,
      features: customer.features,
      enterprisePortalEnabled: customer.enterprisePortalEnabled,
      downloadPortalUrl: fitUrl(customer.downloadPortalUrl),
      customFields: customer.entitlements.slice(0, 100).flatMap(e => {
        const name = fit(e.name, 255);
        return name ? [{ name, value: fitMultiline(e.value, 1000) }] : [];
      }),
    },
  };
}
