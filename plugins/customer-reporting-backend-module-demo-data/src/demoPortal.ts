import { CustomerPlan } from './demoCustomerPlan';
import { PortalTouches, PortalUser } from './demoInstallAttempts';
import { SeededRandom } from './random';
import { DAY, HOUR, iso, MINUTE } from './time';

/**
 * The Enterprise Portal users of a customer: ops is invited within the
 * hour of the license and joins; colleagues follow over the next days, and
 * some never accept. Nobody is invited or joins after `until` (the
 * customer's license ran out or it left).
 */
export function portalUsers(
  rnd: SeededRandom,
  customer: CustomerPlan,
  until: number,
): PortalUser[] {
  const users: PortalUser[] = [];
  let invitedAt = customer.createdAt + rnd.ms(5 * MINUTE, HOUR);
  for (const name of ['ops', 'admin', 'dev', 'sre'].slice(0, rnd.int(1, 4))) {
    if (invitedAt > until - HOUR) break;
    const joinedAt =
      users.length === 0 || rnd.chance(0.7)
        ? invitedAt + rnd.logMs(5 * MINUTE, 36 * HOUR)
        : null;
    users.push({
      email: `${name}@${customer.domain}`,
      invitedAt,
      joinedAt: joinedAt !== null && joinedAt < until ? joinedAt : null,
    });
    invitedAt += rnd.logMs(HOUR, 5 * DAY);
  }
  return users;
}

/**
 * The Enterprise Portal events of a customer. Every activity comes after a
 * visit by a joined user: each user visits on joining and a few times
 * later, install attempts are preceded by their user's visit (`touches`),
 * a service account or a support bundle upload by a visit minutes before.
 * Nothing happens after `until`, when the license ran out or the customer
 * left.
 */
export function enterprisePortalEvents(
  rnd: SeededRandom,
  o: {
    customer: CustomerPlan;
    users: PortalUser[];
    touches: PortalTouches;
    /** When its first instance was seen, if it has one. */
    firstInstanceAt: number | null;
    until: number;
  },
): Record<string, unknown>[] {
  const { customer, until } = o;
  const customerId = customer.id;
  const events: Record<string, unknown>[] = [];
  const accessed = (email: string, at: number) =>
    events.push({ customerId, type: 'accessed', email, at: iso(at) });
  const joined = o.users.filter(u => u.joinedAt !== null);
  for (const user of o.users) {
    events.push({
      customerId,
      type: 'user-invited',
      email: user.email,
      at: iso(user.invitedAt),
    });
    if (user.joinedAt === null) continue;
    events.push({
      customerId,
      type: 'user-joined',
      email: user.email,
      at: iso(user.joinedAt),
    });
    accessed(
      user.email,
      Math.min(until, user.joinedAt + rnd.ms(MINUTE, 10 * MINUTE)),
    );
    for (let k = rnd.int(0, 3); k > 0; k--)
      accessed(user.email, rnd.ms(user.joinedAt, until));
  }
  o.touches.accesses.forEach(a => accessed(a.email, a.at));
  o.touches.pulls.forEach(p =>
    events.push({
      customerId,
      type: 'software-pulled',
      at: iso(p.at),
      version: p.version,
    }),
  );
  // Activity a visiting user starts some minutes into the visit.
  const afterVisit = (type: string, from: number) => {
    if (from >= until - HOUR || joined.length === 0) return;
    const visit = rnd.ms(from, until - HOUR);
    const user = joined.find(u => u.joinedAt! <= visit);
    if (!user) return;
    accessed(user.email, visit);
    events.push({
      customerId,
      type,
      at: iso(visit + rnd.ms(MINUTE, 15 * MINUTE)),
    });
  };
  if (rnd.chance(0.5))
    afterVisit('service-account-created', customer.createdAt + HOUR);
  if (o.firstInstanceAt !== null && rnd.chance(0.4))
    afterVisit('support-bundle-uploaded', o.firstInstanceAt + DAY);
  return events;
}

/**
 * Download Portal downloads: before a customer installs or upgrades an
 * Embedded Cluster, kURL or air gap instance, someone downloads that
 * release's bundle.
 */
export function downloadPortalEvents(
  rnd: SeededRandom,
  customer: CustomerPlan,
  installs: { at: number; version: string; promotedAt: number }[],
): Record<string, unknown>[] {
  return installs.map(install => {
    // After the license and the release exist, before the install.
    const earliest =
      Math.max(customer.createdAt, install.promotedAt) +
      rnd.ms(MINUTE, 10 * MINUTE);
    const at = install.at - rnd.logMs(10 * MINUTE, 2 * DAY);
    return {
      customerId: customer.id,
      type: 'downloaded',
      at: iso(Math.min(install.at - MINUTE, Math.max(earliest, at))),
      version: install.version,
    };
  });
}
