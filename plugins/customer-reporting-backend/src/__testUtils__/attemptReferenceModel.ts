/*
 * An independent reference model of install attempt status (domain spec §7
 * and docs/metrics.md "Install attempts"), for differential tests: the
 * attempt as seen at asOf, from its events up to then.
 */
import { ReportInstallAttempt } from '@customer-reporting/plugin-customer-reporting-common';
import { MINUTE } from './referenceModel';

export type AttemptType =
  | 'started'
  | 'step'
  | 'completed'
  | 'failed'
  | 'discarded';

export interface AttemptAttributes {
  userEmail?: string;
  appVersion?: string;
  environment?: { k8sDistribution?: string; os?: string; osVersion?: string };
  networkMode?: 'online' | 'proxy' | 'airgap';
  registry?: 'online' | 'partial' | 'offline';
}

export interface ModelAttemptEvent {
  attributes?: AttemptAttributes;
  attemptId: string;
  type: AttemptType;
  at: number;
  installType: 'helm' | 'linux';
  step?: string;
  reason?: string;
}

export const STEPS = {
  helm: ['started', 'registry-login', 'images-pulled', 'completed'],
  linux: ['started', 'assets-downloaded', 'completed'],
};

const STALLED_AFTER = 60 * MINUTE;

/**
 * The model's attempt: the contract's report attempt (its shape, not its
 * values), whose install type the model always knows, plus what the fleet
 * figures need.
 */
export interface ModelAttempt
  extends Omit<ReportInstallAttempt, 'installType' | 'customer'> {
  installType: 'helm' | 'linux';
  /** None when no step is known by asOf (a started event stamped later). */
  furthestStep: string | null;
  failedAt?: number;
  lastEventAt: number;
}

/** An attribute from the started event, else the earliest event that has it. */
function attribute<K extends keyof AttemptAttributes>(
  events: ModelAttemptEvent[],
  key: K,
): AttemptAttributes[K] | undefined {
  const started = events.find(e => e.type === 'started');
  return (
    started?.attributes?.[key] ??
    events.find(e => e.attributes?.[key] !== undefined)?.attributes?.[key]
  );
}

/** The step an event marks, in its install type's order (failures and discards mark none). */
function stepOf(e: ModelAttemptEvent): string | undefined {
  if (e.type === 'started' || e.type === 'completed') return e.type;
  return e.type === 'step' ? e.step : undefined;
}

/** An attempt at asOf; undefined when none of its events had happened. */
export function modelAttempt(
  all: ModelAttemptEvent[],
  id: string,
  asOf: number,
): ModelAttempt | undefined {
  const events = all
    .filter(e => e.attemptId === id && e.at <= asOf)
    .sort((a, b) => a.at - b.at);
  if (events.length === 0) return undefined;
  const first = (type: AttemptType) => events.find(e => e.type === type);
  const completed = first('completed');
  const failed = first('failed');
  const started = first('started');
  let status: ModelAttempt['status'];
  if (completed) status = 'succeeded';
  else if (failed) status = 'failed';
  else if (first('discarded')) status = 'discarded';
  else if (asOf - events[events.length - 1].at >= STALLED_AFTER)
    status = 'stalled';
  else status = 'in-progress';
  let failedStep: string | null = null;
  if (status === 'failed') {
    // The step named, else the furthest step reached by the failure.
    const order = STEPS[failed!.installType];
    const reached = events
      .filter(e => e.at <= failed!.at)
      .map(stepOf)
      .filter((s): s is string => s !== undefined)
      .map(s => order.indexOf(s));
    // None reached: its started event is stamped after the failure.
    failedStep = failed!.step ?? order[Math.max(...reached)] ?? null;
  }
  const order = STEPS[events[0].installType];
  const furthest = Math.max(
    ...events
      .map(stepOf)
      .filter((st): st is string => st !== undefined)
      .map(st => order.indexOf(st)),
  );
  return {
    id,
    installType: events[0].installType,
    furthestStep: order[furthest] ?? null,
    failedAt: status === 'failed' ? failed!.at : undefined,
    lastEventAt: events[events.length - 1].at,
    startedAt: new Date(started?.at ?? events[0].at).toISOString(),
    userEmail: attribute(events, 'userEmail') ?? null,
    appVersion: attribute(events, 'appVersion') ?? null,
    environment: {
      k8sDistribution:
        attribute(events, 'environment')?.k8sDistribution ?? null,
      os: attribute(events, 'environment')?.os ?? null,
      osVersion: attribute(events, 'environment')?.osVersion ?? null,
    },
    networkMode: attribute(events, 'networkMode') ?? null,
    // Air gap implies an offline registry.
    registry:
      attribute(events, 'networkMode') === 'airgap'
        ? 'offline'
        : attribute(events, 'registry') ?? null,
    // The first time of each step.
    steps: events
      .filter(e => stepOf(e) !== undefined)
      .filter(
        (e, k, seen) => seen.findIndex(o => stepOf(o) === stepOf(e)) === k,
      )
      .map(e => ({ step: stepOf(e)!, at: new Date(e.at).toISOString() })),
    status,
    // Duration = completed − started (domain §7): without a started event
    // by asOf (lost, or not arrived yet) it is unknown, though startedAt
    // then shows the earliest event; with one stamped after the completion
    // (clocks that disagree) it cannot be measured.
    durationSeconds:
      status === 'succeeded' && started && started.at <= completed!.at
        ? Math.round((completed!.at - started.at) / 1000)
        : null,
    failedStep,
    reason: status === 'failed' ? failed!.reason ?? null : null,
  };
}

/** Continuous percentile (linear interpolation between nearest ranks). */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** The fleet summary over the given attempts. */
export function modelSummary(attempts: ModelAttempt[]) {
  const count = (s: ModelAttempt['status']) =>
    attempts.filter(a => a.status === s).length;
  const succeeded = count('succeeded');
  const decided = attempts.length - count('in-progress');
  // Over the succeeded attempts whose duration is known.
  const durations = attempts
    .map(a => a.durationSeconds)
    .filter((d): d is number => d !== null);
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    total: attempts.length,
    succeeded,
    failed: count('failed'),
    stalled: count('stalled'),
    inProgress: count('in-progress'),
    discarded: count('discarded'),
    successRate: decided === 0 ? null : succeeded / decided,
    medianDurationSeconds: round(percentile(durations, 0.5)),
    p90DurationSeconds: round(percentile(durations, 0.9)),
  };
}

/** The fleet funnel over the given attempts, by install type. */
export function modelFunnel(attempts: ModelAttempt[]) {
  const types = [...new Set(attempts.map(a => a.installType))];
  return Object.fromEntries(
    types.map(type => {
      const mine = attempts.filter(a => a.installType === type);
      const at = (a: ModelAttempt) =>
        a.furthestStep === null ? -1 : STEPS[type].indexOf(a.furthestStep);
      return [
        type,
        STEPS[type].map((step, k) => ({
          step,
          reached: mine.filter(a => at(a) >= k).length,
          stalledHere: mine.filter(a => a.status === 'stalled' && at(a) === k)
            .length,
          failedHere: mine.filter(a => a.status === 'failed' && at(a) === k)
            .length,
        })),
      ];
    }),
  );
}

/** Failure groups (one customer): failed by step and reason, stalled by furthest step. */
export function modelFailureGroups(attempts: ModelAttempt[]) {
  const groups = new Map<string, any>();
  for (const a of attempts) {
    if (a.status !== 'failed' && a.status !== 'stalled') continue;
    const failed = a.status === 'failed';
    // A failure with no step reached by its time (its started event
    // stamped later) stopped at the furthest step reached by asOf.
    const step = failed ? a.failedStep ?? a.furthestStep : a.furthestStep;
    const reason = failed ? a.reason!.toLowerCase() : null;
    const seen = new Date(failed ? a.failedAt! : a.lastEventAt).toISOString();
    const key = `${a.status} ${step} ${reason}`;
    const g = groups.get(key) ?? {
      status: a.status,
      step,
      reason,
      count: 0,
      customers: 1,
      firstSeenAt: seen,
      lastSeenAt: seen,
    };
    g.count++;
    if (seen < g.firstSeenAt) g.firstSeenAt = seen;
    if (seen > g.lastSeenAt) g.lastSeenAt = seen;
    groups.set(key, g);
  }
  return Object.fromEntries(groups);
}
