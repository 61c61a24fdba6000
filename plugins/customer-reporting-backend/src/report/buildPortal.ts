import { ReportPortal } from '@customer-reporting/plugin-customer-reporting-common';
import { isoTime as iso } from './isoTime';

type PortalActivity = {
  byType: Map<string, { count: number; first: number; last: number }>;
  users: { email: string; joined: boolean }[];
  lastDownload: { at: number; version: string | null } | null;
};

/** What the portal section needs of the customer row. */
export interface PortalCustomerRow {
  enterprise_portal_enabled: unknown;
  portal_slug: string;
  /** The upstream system's own Download Portal address, if it has one. */
  download_portal_url?: string | null;
  portal_password_hash: string | null;
  portal_password_set_at: number | string | null;
  portal_password_set_by: string | null;
}

/**
 * The Enterprise Portal section when the customer has it enabled, else the
 * Download Portal section. Of the password only whether, when and by whom it
 * was set is shown; the hash never leaves the store. Only the latest setting
 * is kept: seen from an `asOf` before it, the password is not set yet.
 */
export function buildPortal(
  customer: PortalCustomerRow,
  activity: PortalActivity,
  installAttempts: number,
  downloadPortalBaseUrl: string,
  asOf: number,
): ReportPortal {
  const type = (name: string) => activity.byType.get(name);
  // The customer's portal address, which serves the Enterprise Portal once
  // it is enabled. Else an unguessable slug, so the URL alone reveals
  // nothing about the customer.
  const url =
    customer.download_portal_url ||
    `${downloadPortalBaseUrl.replace(/\/+$/, '')}/${customer.portal_slug}`;
  if (!customer.enterprise_portal_enabled) {
    const setAt = customer.portal_password_set_at;
    const passwordSet =
      Boolean(customer.portal_password_hash) &&
      (setAt === null || Number(setAt) <= asOf);
    return {
      kind: 'download',
      url,
      passwordSet,
      passwordSetAt: passwordSet ? iso(setAt) : null,
      passwordSetBy: passwordSet ? customer.portal_password_set_by : null,
      lastDownload: activity.lastDownload && {
        at: new Date(activity.lastDownload.at).toISOString(),
        version: activity.lastDownload.version,
      },
    };
  }
  const accessed = type('accessed');
  const pulled = type('software-pulled');
  return {
    kind: 'enterprise',
    url,
    status: accessed ? 'accessed' : 'not-accessed',
    lastAccessedAt: iso(accessed?.last),
    users: activity.users.map(u => ({
      email: u.email,
      status: u.joined ? 'joined' : 'invited',
    })),
    serviceAccounts: type('service-account-created')?.count ?? 0,
    supportBundles: type('support-bundle-uploaded')?.count ?? 0,
    installAttempts,
    delivery: {
      firstAccessAt: iso(accessed?.first),
      firstPullAt: iso(pulled?.first),
      latestPullAt: iso(pulled?.last),
    },
  };
}
