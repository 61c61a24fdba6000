import { ReportPortal } from '@internal/plugin-customer-reporting-common';

type PortalActivity = {
  byType: Map<string, { count: number; first: number; last: number }>;
  users: { email: string; joined: boolean }[];
  lastDownload: { at: number; version: string | null } | null;
};

const iso = (ms: number | undefined) =>
  ms === undefined ? null : new Date(ms).toISOString();

/**
 * The Enterprise Portal section when the customer has it enabled, else the
 * Download Portal section (a unique URL per customer).
 */
export function buildPortal(
  customer: {
    id: string;
    enterprise_portal_enabled: unknown;
    portal_password_hash?: string | null;
  },
  activity: PortalActivity,
  installAttempts: number,
  downloadPortalBaseUrl: string,
): ReportPortal {
  const type = (name: string) => activity.byType.get(name);
  if (!customer.enterprise_portal_enabled) {
    return {
      kind: 'download',
      url: `${downloadPortalBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(
        customer.id,
      )}`,
      passwordSet: Boolean(customer.portal_password_hash),
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
