import { AttemptEvent } from '@customer-reporting/plugin-customer-reporting-common';
import { defined, fit, fitEmail } from './fit';
import { VendorInstallAttempt } from './parseInstallAttempts';

/** Steps between started and completed, per install type (docs/ingest.md). */
const STEPS: Record<'helm' | 'linux', (keyof VendorInstallAttempt['steps'])[]> =
  {
    helm: ['registry-login', 'images-pulled'],
    linux: ['assets-downloaded'],
  };

function installTypeOf(value: string | undefined) {
  if (value === 'helm') return 'helm';
  // Embedded Cluster and kURL installs are Linux installs in our model.
  if (value && /^(linux|embedded[-_]?cluster|embedded|kurl)$/.test(value))
    return 'linux';
  return undefined;
}

function oneOf<T extends string>(value: string | undefined, allowed: T[]) {
  const plain = value?.replace(/[-_ ]/g, '');
  return allowed.find(a => a === plain);
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * An Enterprise Portal install attempt as install attempt events: started
 * with everything known about the try, a step event per step time, and how
 * it ended. The Vendor API has no failure state: `stalled` and
 * `in_progress` attempts get no outcome (the portal derives stalled from
 * the time of the last step); `succeeded` completes at
 * `installation_completed_at` (else the browser install's completion);
 * `discarded` and `obsolete` have no time of their own and end at the
 * attempt's last known time. Times after `now` are clamped to it.
 */
export function mapInstallAttempt(
  attempt: VendorInstallAttempt,
  now: number,
): AttemptEvent[] {
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
  const events: AttemptEvent[] = [
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
  let last = attempt.startedAt;
  for (const step of installType
    ? STEPS[installType]
    : [...STEPS.helm, ...STEPS.linux]) {
    const stepAt = attempt.steps[step];
    if (stepAt === undefined) continue;
    events.push({ ...common, type: 'step', step, at: at(stepAt) });
    last = Math.max(last, stepAt);
  }
  if (attempt.completedAt !== undefined || attempt.status === 'succeeded') {
    events.push(
      defined({
        ...common,
        type: 'completed' as const,
        at: at(attempt.completedAt ?? last),
        instanceId: attempt.instanceId,
      }),
    );
  } else if (attempt.status === 'discarded' || attempt.status === 'obsolete') {
    events.push({ ...common, type: 'discarded', at: at(last) });
  }
  return events;
}
