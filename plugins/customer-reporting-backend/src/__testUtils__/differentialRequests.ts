import { ModelCheckIn } from './referenceModel';
import { ModelAttemptEvent } from './attemptReferenceModel';
import { seededRandom } from './randomTimeline';

/*
 * Request bodies and answer comparison of the differential test
 * (report/differential.http.test.ts).
 */

const iso = (t: number) => new Date(t).toISOString();

/** Differences between an answer and the model, as readable paths. */
export function differences(
  path: string,
  actual: unknown,
  expected: unknown,
): string[] {
  if (typeof expected === 'number' && typeof actual === 'number')
    return Math.abs(actual - expected) < 1e-9
      ? []
      : [`${path}: got ${actual}, model ${expected}`];
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object')
      return [
        `${path}: got ${JSON.stringify(actual)}, model ${JSON.stringify(
          expected,
        )}`,
      ];
    return Object.entries(expected).flatMap(([k, v]) =>
      differences(`${path}.${k}`, (actual as any)[k], v),
    );
  }
  return actual === expected
    ? []
    : [
        `${path}: got ${JSON.stringify(actual)}, model ${JSON.stringify(
          expected,
        )}`,
      ];
}

export function checkInBody(
  c: ModelCheckIn,
  customerId: string,
  r: ReturnType<typeof seededRandom>,
) {
  return {
    instanceId: c.instanceId,
    customerId,
    at: iso(c.at),
    airgap: c.airgap,
    ...(c.appStatus && !c.resourceStates
      ? { appStatus: r.chance(0.2) ? c.appStatus.toUpperCase() : c.appStatus }
      : {}),
    ...(c.resourceStates
      ? {
          resourceStates: c.resourceStates.map((state, k) => ({
            kind: 'Deployment',
            namespace: 'default',
            name: `r${k}`,
            state: r.chance(0.2) ? state.toUpperCase() : state,
          })),
        }
      : {}),
    ...(c.appVersion !== undefined ? { appVersion: c.appVersion } : {}),
    ...(c.releaseSequence !== undefined
      ? { releaseSequence: c.releaseSequence }
      : {}),
    ...(c.cloudRegion ? { cloudRegion: c.cloudRegion } : {}),
    ...(c.users !== undefined ? { customMetrics: { users: c.users } } : {}),
  };
}

export function attemptBody(e: ModelAttemptEvent, customerId: string) {
  return {
    attemptId: e.attemptId,
    customerId,
    type: e.type,
    at: iso(e.at),
    installType: e.installType,
    ...(e.step ? { step: e.step } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...e.attributes,
  };
}

/** Random batches of a shuffled list. */
export function batches<T>(
  items: T[],
  r: ReturnType<typeof seededRandom>,
): T[][] {
  const shuffled = r.shuffle(items);
  const out: T[][] = [];
  while (shuffled.length) out.push(shuffled.splice(0, r.int(1, 15)));
  return out;
}
