import { ReportInstallAttempt } from '@customer-reporting/plugin-customer-reporting-common';
import { attemptEnvironment, stepChecklist } from './installSteps';

function attempt(
  overrides: Partial<ReportInstallAttempt>,
): ReportInstallAttempt {
  return {
    id: 'att_1',
    status: 'in-progress',
    installType: 'helm',
    startedAt: '2025-06-01T10:00:00Z',
    userEmail: null,
    appVersion: null,
    environment: { k8sDistribution: null, os: null, osVersion: null },
    networkMode: null,
    registry: null,
    durationSeconds: null,
    failedStep: null,
    reason: null,
    steps: [{ step: 'started', at: '2025-06-01T10:00:00Z' }],
    ...overrides,
  };
}

describe('stepChecklist', () => {
  it('lists every helm step with the reported times', () => {
    expect(stepChecklist(attempt({}))).toEqual([
      {
        step: 'started',
        label: 'Started',
        at: '2025-06-01T10:00:00Z',
        failed: false,
      },
      {
        step: 'registry-login',
        label: 'Registry login',
        at: null,
        failed: false,
      },
      {
        step: 'images-pulled',
        label: 'Images pulled',
        at: null,
        failed: false,
      },
      { step: 'completed', label: 'Completed', at: null, failed: false },
    ]);
  });

  it('lists the linux steps and marks the failed one', () => {
    const steps = stepChecklist(
      attempt({ installType: 'linux', failedStep: 'assets-downloaded' }),
    );
    expect(steps.map(s => s.step)).toEqual([
      'started',
      'assets-downloaded',
      'completed',
    ]);
    expect(steps.map(s => s.failed)).toEqual([false, true, false]);
  });

  it('keeps reported steps it does not know, and works without a type', () => {
    const steps = stepChecklist(
      attempt({
        installType: null,
        steps: [
          { step: 'started', at: '2025-06-01T10:00:00Z' },
          { step: 'preflight', at: '2025-06-01T10:05:00Z' },
        ],
      }),
    );
    expect(steps.map(s => [s.label, s.at])).toEqual([
      ['Started', '2025-06-01T10:00:00Z'],
      ['preflight', '2025-06-01T10:05:00Z'],
    ]);
  });
});

describe('attemptEnvironment', () => {
  it('prefers the distribution, else the OS and its version', () => {
    expect(
      attemptEnvironment({
        k8sDistribution: 'eks',
        os: 'linux',
        osVersion: '1',
      }),
    ).toBe('eks');
    expect(
      attemptEnvironment({
        k8sDistribution: null,
        os: 'ubuntu',
        osVersion: '22.04',
      }),
    ).toBe('ubuntu 22.04');
    expect(
      attemptEnvironment({ k8sDistribution: null, os: null, osVersion: null }),
    ).toBeUndefined();
  });
});
