/**
 * Folds the events of one install attempt into its summary. Only min/max and
 * "started event first" choices are used, so the summary is the same for any
 * arrival order of the events.
 */
export type AttemptEventType =
  | 'started'
  | 'step'
  | 'completed'
  | 'failed'
  | 'discarded';

export interface AttemptEvent {
  type: AttemptEventType;
  at: number;
  step?: string;
  userEmail?: string;
  installType?: 'helm' | 'linux';
  appVersion?: string;
  environment?: { k8sDistribution?: string; os?: string; osVersion?: string };
  networkMode?: string;
  registry?: string;
  reason?: string;
  instanceId?: string;
}

export interface AttemptSummary {
  /** The `started` event's time, else the earliest event's. */
  startedAt: number;
  /**
   * The earliest `started` event's time; null until one is known. The
   * duration (completed − started, domain §7) needs it: without it the
   * start is unknown, not the earliest event.
   */
  startedEventAt: number | null;
  /**
   * The earliest event's time, of any type. The attempt exists from then:
   * a `started` event stamped later (clocks that disagree) is not known
   * before its own time, and until it is the attempt starts here.
   */
  firstEventAt: number;
  userEmail: string | null;
  installType: 'helm' | 'linux' | null;
  appVersion: string | null;
  k8sDistribution: string | null;
  os: string | null;
  osVersion: string | null;
  networkMode: string | null;
  registry: string | null;
  instanceId: string | null;
  completedAt: number | null;
  failedAt: number | null;
  failedStep: string | null;
  reason: string | null;
  discardedAt: number | null;
  lastEventAt: number;
  furthestStep: string | null;
  furthestStepIndex: number;
  steps: { step: string; at: number }[];
  /**
   * When each attribute the attempt filters match on was first reported
   * (null: never), so that a filter with `asOf` in the past leaves out an
   * attempt that had not reported it yet.
   */
  attributesKnownAt: Record<FilteredAttribute, number | null>;
}

/** The attributes of an attempt that the attempt list and audit filter on. */
export type FilteredAttribute =
  | 'installType'
  | 'appVersion'
  | 'k8sDistribution'
  | 'os'
  | 'networkMode'
  | 'registry';

export const STEP_ORDER: Record<'helm' | 'linux', readonly string[]> = {
  helm: ['started', 'registry-login', 'images-pulled', 'completed'],
  linux: ['started', 'assets-downloaded', 'completed'],
};
/** The order of an attempt without an install type. */
export const ANY_ORDER: readonly string[] = [
  'started',
  'registry-login',
  'images-pulled',
  'assets-downloaded',
  'completed',
];

/** The step an event reports reaching, if any. */
export function stepOf(
  event: Pick<AttemptEvent, 'type' | 'step'>,
): string | undefined {
  if (event.type === 'started') return 'started';
  if (event.type === 'completed') return 'completed';
  if (event.type === 'step') return event.step;
  return undefined;
}

export function summarizeAttempt(
  events: readonly AttemptEvent[],
): AttemptSummary {
  if (events.length === 0)
    throw new Error('an attempt needs at least one event');
  // Attributes come from the started event first, then the earliest event that has them.
  const byPreference = [...events].sort(
    (a, b) =>
      Number(b.type === 'started') - Number(a.type === 'started') ||
      a.at - b.at,
  );
  const first = <T>(pick: (e: AttemptEvent) => T | undefined): T | null => {
    for (const e of byPreference) {
      const value = pick(e);
      if (value !== undefined) return value;
    }
    return null;
  };
  /** The time of the earliest event that has the value `pick` reads. */
  const knownAt = (pick: (e: AttemptEvent) => unknown): number | null => {
    const times = events.filter(e => pick(e) !== undefined).map(e => e.at);
    return times.length > 0 ? Math.min(...times) : null;
  };
  const earliest = (type: AttemptEventType) => {
    const matching = events
      .filter(e => e.type === type)
      .sort((a, b) => a.at - b.at);
    return matching[0];
  };

  const stepTimes = new Map<string, number>();
  for (const e of events) {
    const step = stepOf(e);
    if (step && (stepTimes.get(step) ?? Infinity) > e.at)
      stepTimes.set(step, e.at);
  }
  const steps = [...stepTimes.entries()]
    .map(([step, at]) => ({ step, at }))
    .sort(
      (a, b) =>
        a.at - b.at || ANY_ORDER.indexOf(a.step) - ANY_ORDER.indexOf(b.step),
    );

  const installType = first(e => e.installType);
  const order = installType ? STEP_ORDER[installType] : ANY_ORDER;
  /** The furthest of the steps reached by `until`, and its 1-based index in `order`. */
  const furthestBy = (until: number) => {
    let furthest = { step: null as string | null, index: 0 };
    for (const { step, at } of steps) {
      const index = order.indexOf(step) + 1;
      if (at <= until && index > furthest.index) furthest = { step, index };
    }
    return furthest;
  };
  const { step: furthestStep, index: furthestStepIndex } = furthestBy(Infinity);

  const failed = earliest('failed');
  const started = earliest('started');
  const networkMode = first(e => e.networkMode);
  const networkModeAt = knownAt(e => e.networkMode);
  const registryAt = knownAt(e => e.registry);
  const firstEventAt = Math.min(...events.map(e => e.at));
  return {
    startedAt: started ? started.at : firstEventAt,
    startedEventAt: started?.at ?? null,
    firstEventAt,
    userEmail: first(e => e.userEmail),
    installType,
    appVersion: first(e => e.appVersion),
    k8sDistribution: first(e => e.environment?.k8sDistribution),
    os: first(e => e.environment?.os),
    osVersion: first(e => e.environment?.osVersion),
    networkMode,
    // Air gap implies an offline registry (domain §1), whatever another
    // event of the attempt said, or when none said.
    registry: networkMode === 'airgap' ? 'offline' : first(e => e.registry),
    instanceId: first(e => e.instanceId),
    completedAt: earliest('completed')?.at ?? null,
    failedAt: failed?.at ?? null,
    // A failure without a step failed right after the furthest step it had
    // reached: a step reported later does not move it (nor, with asOf
    // between the two, the failure groups and the step filter, which read
    // this column).
    failedStep: failed ? failed.step ?? furthestBy(failed.at).step : null,
    reason: failed?.reason ?? null,
    discardedAt: earliest('discarded')?.at ?? null,
    lastEventAt: Math.max(...events.map(e => e.at)),
    furthestStep,
    furthestStepIndex,
    steps,
    attributesKnownAt: {
      installType: knownAt(e => e.installType),
      appVersion: knownAt(e => e.appVersion),
      k8sDistribution: knownAt(e => e.environment?.k8sDistribution),
      os: knownAt(e => e.environment?.os),
      networkMode: networkModeAt,
      // An air gap attempt's registry is known once its network mode is.
      registry:
        networkMode === 'airgap'
          ? Math.min(networkModeAt!, registryAt ?? Infinity)
          : registryAt,
    },
  };
}
