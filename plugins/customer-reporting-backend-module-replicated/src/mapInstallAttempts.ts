import { AttemptEventBody } from './ingestBodies';
import { defined, fit, fitEmail } from './fit';
import { VendorInstallAttempt } from './parseInstallAttempts';

/** Steps between started and completed, per install type (docs/ingest.md). */
const STEPS: Record<'helm' | 'linux', string[]> = {
  helm: ['registry-login', 'images-pulled'],
  linux: ['assets-downloaded'],
};

function installTypeOf(value: string | undefined) {
  if (value === 'helm') return 'helm';
  // Embedded Cluster and kURL installs are Linux installs in our model.
  if (value && /^(linux|embedded-cluster|embedded|kurl)$/.test(value))
    return 'linux';
  return undefined;
}

function oneOf<T extends string>(value: string | undefined, allowed: T[]) {
  return allowed.find(a => a === value);
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * An Enterprise Portal install attempt as install attempt events: started
 * with everything known about the try, its steps, and how it ended. The
 * started event carries only fields that do not change during an attempt,
 * so a re-sync of a finished attempt repeats it exactly (a duplicate).
 * Times after `now` are clamped to it.
 */
export function mapInstallAttempt(
  attempt: VendorInstallAttempt,
  now: number,
): AttemptEventBody[] {
  const installType = installTypeOf(attempt.installType);
  const networkMode = oneOf(attempt.networkMode, ['online', 'proxy', 'airgap']);
  const registry =
    networkMode === 'airgap'
      ? 'offline'
      : oneOf(attempt.registry, ['online', 'partial', 'offline']);
  const environment = defined({
    k8sDistribution: fit(attempt.k8sDistribution, 50)?.toLowerCase(),
    os: fit(attempt.os, 50),
    osVersion: fit(attempt.osVersion, 50),
  });
  const at = (ms: number) => iso(Math.min(ms, now));
  const common = { attemptId: attempt.id, customerId: attempt.customerId };
  const events: AttemptEventBody[] = [
    defined({
      ...common,
      type: 'started' as const,
      at: at(attempt.startedAt),
      userEmail: fitEmail(attempt.userEmail),
      installType,
      appVersion: fit(attempt.appVersion, 100),
      environment: Object.keys(environment).length ? environment : undefined,
      networkMode,
      registry,
    }),
  ];
  const known = installType
    ? STEPS[installType]
    : [...STEPS.helm, ...STEPS.linux];
  for (const step of attempt.steps) {
    if (step.step && step.at !== undefined && known.includes(step.step)) {
      events.push({
        ...common,
        type: 'step',
        step: step.step,
        at: at(step.at),
      });
    }
  }
  // An outcome needs its time; the attempt's status alone does not say when.
  if (attempt.completedAt !== undefined) {
    events.push(
      defined({
        ...common,
        type: 'completed' as const,
        at: at(attempt.completedAt),
        instanceId: attempt.instanceId,
      }),
    );
  } else if (attempt.failedAt !== undefined) {
    events.push(
      defined({
        ...common,
        type: 'failed' as const,
        at: at(attempt.failedAt),
        step: known.includes(attempt.failedStep ?? '')
          ? attempt.failedStep
          : undefined,
        reason: attempt.failureReason?.slice(0, 2000),
      }),
    );
  } else if (attempt.discardedAt !== undefined) {
    events.push({ ...common, type: 'discarded', at: at(attempt.discardedAt) });
  }
  return events;
}
