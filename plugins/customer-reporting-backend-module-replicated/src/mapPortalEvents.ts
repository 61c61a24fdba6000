import { PortalEvent } from '@customer-reporting/plugin-customer-reporting-common';
import { defined, fit, fitEmail } from './fit';
import { CustomerData } from './pullCustomerData';

/**
 * What the Vendor API knows of a customer's Enterprise Portal, as portal
 * events (the report's users, last access, service accounts and delivery
 * times are derived from them):
 * - each user: invited at `invitedAt`, joined and accessed at
 *   `firstAccessedAt`, accessed again at `lastAccessedAt`;
 * - each service account not revoked: created at `createdAt`;
 * - each support bundle: uploaded at `uploadedAt` (else `createdAt`);
 * - the `enterprise_portal` block: the first and the latest software pull
 *   with the asset version;
 * - `airgapDownloadedAt`: the last download from the Download Portal, with
 *   the release label downloaded.
 * Re-sending them is harmless: identical portal events are duplicates.
 * Times after `now` are clamped to it.
 */
export function mapPortalEvents(
  data: Pick<
    CustomerData,
    'customer' | 'users' | 'serviceAccounts' | 'supportBundles'
  >,
  now: number,
): PortalEvent[] {
  const customerId = data.customer.id;
  const events: PortalEvent[] = [];
  const add = (
    type: PortalEvent['type'],
    at: number | undefined,
    extra: { email?: string; version?: string } = {},
  ) => {
    if (at === undefined) return;
    events.push(
      defined({
        customerId,
        type,
        at: new Date(Math.min(at, now)).toISOString(),
        ...extra,
      }),
    );
  };
  for (const user of data.users) {
    const email = fitEmail(user.email)?.toLowerCase();
    if (!email) continue;
    add('user-invited', user.invitedAt ?? user.firstAccessedAt, { email });
    if (user.joined) {
      add('user-joined', user.firstAccessedAt ?? user.invitedAt, { email });
    }
    add('accessed', user.firstAccessedAt, { email });
    if (user.lastAccessedAt !== user.firstAccessedAt) {
      add('accessed', user.lastAccessedAt, { email });
    }
  }
  for (const account of data.serviceAccounts) {
    if (account.revoked) continue;
    add('service-account-created', account.createdAt, {
      email: fitEmail(account.email),
    });
  }
  for (const bundle of data.supportBundles)
    add('support-bundle-uploaded', bundle.uploadedAt);
  const pulls = data.customer.enterprisePortal;
  if (pulls) {
    add('software-pulled', pulls.first_software_pulled_at, {
      version: fit(pulls.first_software_pulled_asset_version, 100),
    });
    add('software-pulled', pulls.last_software_pulled_at, {
      version: fit(pulls.last_software_pulled_asset_version, 100),
    });
  }
  const download = data.customer.lastDownload;
  if (download) {
    add('downloaded', download.at, { version: fit(download.version, 100) });
  }
  return events;
}
