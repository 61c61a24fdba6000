import fc from 'fast-check';
import { AttemptEvent, summarizeAttempt } from './installAttemptSummary';

const m = (minutes: number) => Date.UTC(2024, 5, 1, 9) + minutes * 60_000;

const helmAttempt: AttemptEvent[] = [
  {
    type: 'started',
    at: m(0),
    installType: 'helm',
    userEmail: 'ops@a.com',
    networkMode: 'online',
    registry: 'online',
  },
  { type: 'step', at: m(5), step: 'registry-login' },
  { type: 'step', at: m(12), step: 'images-pulled' },
  { type: 'completed', at: m(20), instanceId: 'i-1' },
];

describe('summarizeAttempt', () => {
  it('takes an air gap attempt as using an offline registry, whatever its events said', () => {
    const airgap = (registry?: string): AttemptEvent[] => [
      { type: 'started', at: m(0), installType: 'helm', networkMode: 'airgap' },
      { type: 'step', at: m(5), step: 'registry-login', registry },
    ];
    expect(summarizeAttempt(airgap()).registry).toBe('offline');
    expect(summarizeAttempt(airgap('online')).registry).toBe('offline');
    expect(summarizeAttempt(helmAttempt).registry).toBe('online');
  });

  it('records when each filtered attribute was first reported', () => {
    const s = summarizeAttempt([
      { type: 'started', at: m(0), installType: 'linux' },
      { type: 'step', at: m(5), step: 'assets-downloaded', appVersion: '1' },
      {
        type: 'completed',
        at: m(9),
        appVersion: '1',
        environment: { os: 'ubuntu' },
        networkMode: 'airgap',
      },
    ]);
    expect(s.attributesKnownAt).toEqual({
      installType: m(0),
      appVersion: m(5),
      k8sDistribution: null,
      os: m(9),
      networkMode: m(9),
      // Air gap implies it.
      registry: m(9),
    });
  });

  it('summarizes a completed helm attempt', () => {
    const s = summarizeAttempt(helmAttempt);
    expect(s).toMatchObject({
      startedAt: m(0),
      completedAt: m(20),
      installType: 'helm',
      userEmail: 'ops@a.com',
      instanceId: 'i-1',
      furthestStep: 'completed',
      furthestStepIndex: 4,
      failedAt: null,
    });
    expect(s.steps.map(x => x.step)).toEqual([
      'started',
      'registry-login',
      'images-pulled',
      'completed',
    ]);
  });

  it('keeps the failure reason and the step of a failed attempt', () => {
    const s = summarizeAttempt([
      { type: 'started', at: m(0), installType: 'linux' },
      { type: 'failed', at: m(3), reason: 'no space left on device' },
    ]);
    expect(s).toMatchObject({
      failedAt: m(3),
      failedStep: 'started',
      reason: 'no space left on device',
      furthestStep: 'started',
      furthestStepIndex: 1,
    });
  });

  it('places a failure without a step at the furthest step reached by then', () => {
    const s = summarizeAttempt([
      { type: 'started', at: m(0), installType: 'helm' },
      { type: 'failed', at: m(5), reason: 'boom' },
      { type: 'step', at: m(30), step: 'registry-login' },
    ]);
    expect(s).toMatchObject({
      failedStep: 'started',
      furthestStep: 'registry-login',
    });
  });

  it('knows the started event apart from the earliest event', () => {
    expect(summarizeAttempt(helmAttempt).startedEventAt).toBe(m(0));
    // Only the completion arrived: startedAt shows it, the start is unknown.
    expect(summarizeAttempt([{ type: 'completed', at: m(20) }])).toMatchObject({
      startedAt: m(20),
      startedEventAt: null,
    });
    // Two starts: the earliest, whichever arrived first. The step stamped
    // before them (a clock that disagrees) is the first event.
    expect(
      summarizeAttempt([
        { type: 'step', at: m(1), step: 'registry-login' },
        { type: 'started', at: m(4) },
        { type: 'started', at: m(3) },
      ]),
    ).toMatchObject({
      startedAt: m(3),
      startedEventAt: m(3),
      firstEventAt: m(1),
    });
  });

  it('does not depend on the order events arrive in', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(helmAttempt, { minLength: helmAttempt.length }),
        shuffled => {
          expect(summarizeAttempt(shuffled)).toEqual(
            summarizeAttempt(helmAttempt),
          );
        },
      ),
    );
  });
});
