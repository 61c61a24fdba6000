import {
  DAY,
  HOUR,
  MINUTE,
  ModelCheckIn,
  ModelRelease,
  Status,
  STATUS_ORDER,
} from './referenceModel';
import {
  AttemptAttributes,
  ModelAttemptEvent,
  STEPS,
} from './attemptReferenceModel';

/*
 * Random but plausible customer timelines for the differential test: a few
 * instances checking in with gaps of minutes to days (exactly 24 h too),
 * statuses and versions that change now and then, some check-ins without a
 * status, air gap instances, and install attempts that succeed, fail,
 * stall or are abandoned. Deterministic for a seed.
 */

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) =>
    lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const chance = (p: number) => next() < p;
  const shuffle = <T>(items: T[]): T[] => {
    const out = [...items];
    for (let k = out.length - 1; k > 0; k--) {
      const j = int(0, k);
      [out[k], out[j]] = [out[j], out[k]];
    }
    return out;
  };
  return { next, int, pick, chance, shuffle };
}
export type Random = ReturnType<typeof seededRandom>;

export const RELEASES: ModelRelease[] = [
  ['1.0.0', '2024-05-01T00:00:00Z'],
  ['1.1.0', '2024-06-01T00:00:00Z'],
  ['1.2.0', '2024-06-04T12:00:00Z'],
  ['1.3.0', '2024-06-08T00:00:00Z'],
  ['1.4.0', '2024-06-12T06:00:00Z'],
  ['2.0.0', '2024-06-20T00:00:00Z'],
].map(([versionLabel, promotedAt], k) => ({
  sequence: k + 1,
  versionLabel,
  promotedAt: Date.parse(promotedAt),
}));

const IDS = ['a1', 'B1', 'b2', 'Z9', 'i-x'];
const REASONS = ['disk full', 'timeout pulling image', 'x509: bad certificate'];

export interface TimelineCase {
  seed: number;
  customerId: string;
  createdAt: number;
  instanceIds: string[];
  checkIns: ModelCheckIn[];
  archived: string[];
  attemptIds: string[];
  attemptEvents: ModelAttemptEvent[];
  asOfs: number[];
}

/** Resource states whose rollup (the least available; none: missing) is `status`. */
function resourcesOf(r: Random, status: Status): Status[] {
  if (status === 'missing' && r.chance(0.5)) return [];
  const atLeast = STATUS_ORDER.slice(STATUS_ORDER.indexOf(status));
  return r.shuffle([
    status,
    ...Array.from({ length: r.int(0, 2) }, () => r.pick(atLeast)),
  ]);
}

function nextGap(r: Random) {
  const kind = r.next();
  if (kind < 0.4) return r.int(1, 60) * MINUTE;
  if (kind < 0.65) return r.int(1, 12) * HOUR + r.int(0, 59) * MINUTE;
  if (kind < 0.75) return DAY;
  if (kind < 0.85) return DAY + r.pick([1000, MINUTE, r.int(1, 48) * HOUR]);
  return r.int(12, 23) * HOUR + r.int(0, 59) * MINUTE;
}

function instanceCheckIns(
  r: Random,
  id: string,
  createdAt: number,
  grid: number,
) {
  let airgap = r.chance(0.2);
  // Some instances report only one half of their version now and then.
  const halves = r.chance(0.25);
  let at = Math.round((createdAt + r.int(-DAY, 8 * DAY)) / grid) * grid;
  let status: Status | undefined = r.chance(0.3)
    ? undefined
    : r.pick(STATUS_ORDER);
  let release = r.pick([...RELEASES.slice(0, 4), undefined]);
  let region = r.pick(['us-east', 'us-west', undefined]);
  const out: ModelCheckIn[] = [];
  for (let n = r.int(2, 18); n > 0; n--) {
    if (r.chance(0.3)) status = r.pick(STATUS_ORDER);
    if (r.chance(0.15)) release = r.pick(RELEASES);
    if (r.chance(0.15)) region = r.pick(['us-east', 'us-west', 'eu-central']);
    const withStatus = status !== undefined && r.chance(0.8);
    const withVersion = release !== undefined && r.chance(0.7);
    const half = halves ? r.pick(['both', 'label', 'sequence']) : 'both';
    if (r.chance(0.05)) airgap = !airgap;
    out.push({
      instanceId: id,
      at,
      // Left out now and then: the instance stays as it last reported.
      ...(out.length === 0 || r.chance(0.8) ? { airgap } : {}),
      ...(withStatus ? { appStatus: status } : {}),
      ...(withStatus && r.chance(0.15)
        ? { resourceStates: resourcesOf(r, status!) }
        : {}),
      ...(withVersion && half !== 'sequence'
        ? { appVersion: release!.versionLabel }
        : {}),
      ...(withVersion && half !== 'label'
        ? { releaseSequence: release!.sequence }
        : {}),
      ...(region && r.chance(0.7) ? { cloudRegion: region } : {}),
      ...(r.chance(0.5) ? { users: r.pick([10, 20]) } : {}),
    });
    at += Math.max(grid, Math.round(nextGap(r) / grid) * grid);
  }
  return out;
}

function attemptEvents(r: Random, id: string, createdAt: number) {
  const installType = r.pick(['helm', 'linux'] as const);
  const steps = STEPS[installType].slice(1, -1);
  let at = createdAt + r.int(0, (6 * DAY) / MINUTE) * MINUTE;
  const events: ModelAttemptEvent[] = [
    { attemptId: id, type: 'started', at, installType },
  ];
  const later = () => (at += r.int(1, 100) * MINUTE);
  let reached = 0;
  while (reached < steps.length && r.chance(0.75)) {
    events.push({
      attemptId: id,
      type: 'step',
      step: steps[reached++],
      at: later(),
      installType,
    });
    // A step reported again (a retry): it counts as activity.
    if (r.chance(0.15))
      events.push({ ...events[events.length - 1], at: later() });
  }
  const outcome = r.next();
  const fail = (): ModelAttemptEvent => ({
    attemptId: id,
    type: 'failed',
    at: later(),
    installType,
    reason: r.pick(REASONS),
    ...(r.chance(0.5)
      ? { step: steps[Math.min(reached, steps.length - 1)] }
      : {}),
  });
  // Attributes: mostly on the started event, now and then on a later one.
  for (const [k, e] of events.entries()) {
    const attrs = randomAttributes(r, installType, k === 0 ? 0.7 : 0.15);
    if (Object.keys(attrs).length) e.attributes = attrs;
  }
  if (outcome < 0.4) {
    if (r.chance(0.15)) events.push(fail());
    events.push({ attemptId: id, type: 'completed', at: later(), installType });
  } else if (outcome < 0.65) events.push(fail());
  else if (outcome < 0.75)
    events.push({ attemptId: id, type: 'discarded', at: later(), installType });
  // Now and then the started event comes from a machine whose clock is
  // ahead: stamped after some of the attempt's other events, even after
  // its outcome.
  if (r.chance(0.15))
    events[0] = { ...events[0], at: events[0].at + r.int(1, 150) * MINUTE };
  return events;
}

function randomAttributes(
  r: Random,
  installType: 'helm' | 'linux',
  p: number,
): AttemptAttributes {
  const networkMode = r.chance(p)
    ? r.pick(['online', 'proxy', 'airgap'] as const)
    : undefined;
  return {
    ...(r.chance(p)
      ? { userEmail: r.pick(['a@x.example', 'b@x.example']) }
      : {}),
    ...(r.chance(p) ? { appVersion: r.pick(['1.3.0', '1.4.0']) } : {}),
    ...(r.chance(p)
      ? {
          environment:
            installType === 'helm'
              ? { k8sDistribution: r.pick(['eks', 'k3s']) }
              : { os: 'ubuntu', osVersion: r.pick(['22.04', '24.04']) },
        }
      : {}),
    ...(networkMode ? { networkMode } : {}),
    ...(r.chance(p)
      ? {
          // Air gap implies an offline registry within one event.
          registry:
            networkMode === 'airgap'
              ? 'offline'
              : r.pick(['online', 'partial', 'offline'] as const),
        }
      : {}),
  };
}

/** A customer's timeline and the moments to look at it. */
export function randomCase(seed: number): TimelineCase {
  const r = seededRandom(seed);
  const grid = r.pick([1000, 15 * MINUTE, 30 * MINUTE]);
  const createdAt =
    Date.parse('2024-06-01T09:00:00Z') + r.int(-3 * 24, 3 * 24) * HOUR;
  const customerId = `dc${seed}`;
  // Ids are unique across customers; the shared prefix keeps their order.
  const instanceIds = r
    .shuffle(IDS)
    .slice(0, r.int(1, 4))
    .map(id => `${customerId}-${id}`);
  const checkIns = instanceIds.flatMap(id =>
    instanceCheckIns(r, id, createdAt, grid),
  );
  // Now and then a second instance with the first one's timeline: ties.
  if (instanceIds.length > 1 && r.chance(0.25)) {
    const [first, second] = instanceIds;
    const copy = checkIns
      .filter(c => c.instanceId === first)
      .map(c => ({ ...c, instanceId: second }));
    checkIns.splice(
      0,
      checkIns.length,
      ...checkIns.filter(c => c.instanceId !== second),
      ...copy,
    );
  }
  const attemptIds = Array.from(
    { length: r.int(0, 4) },
    (_, k) => `${customerId}-t${k}`,
  );
  const events = attemptIds.flatMap(id => attemptEvents(r, id, createdAt));
  const times = checkIns.map(c => c.at);
  const last = Math.max(...times);
  const anyTime = () => r.pick(times);
  // A started event stamped after another event of its attempt, and the
  // time of that attempt's earliest event.
  const skewed = events.flatMap(e => {
    const first = Math.min(
      ...events.filter(o => o.attemptId === e.attemptId).map(o => o.at),
    );
    return e.type === 'started' && first < e.at ? [[first, e.at]] : [];
  });
  const asOfs = [
    last + r.int(0, 30 * 60) * MINUTE,
    anyTime() + DAY,
    anyTime() + DAY + 1000,
    (Math.floor(anyTime() / DAY) + 1) * DAY,
    anyTime(),
    r.int(Math.min(...times), last),
    ...(events.length ? [r.pick(events).at + 60 * MINUTE] : []),
    // Known from its earliest event, not yet started by its clock.
    ...skewed.map(([first, started]) => r.int(first, started - 1)),
  ].filter(t => t >= createdAt);
  return {
    seed,
    customerId,
    createdAt,
    instanceIds,
    checkIns,
    archived: instanceIds.filter(() => r.chance(0.15)),
    attemptIds,
    attemptEvents: events,
    asOfs: [...new Set(asOfs)].sort((a, b) => a - b),
  };
}
