import { fixtures, NIMBUS_APP_ID } from './__fixtures__';
import { NOW, testLogger } from './__testUtils__/fakeVendorApi';
import { mapInstallAttempt } from './mapInstallAttempts';
import { parseInstallAttempts } from './parseInstallAttempts';

describe('mapInstallAttempt', () => {
  const logger = testLogger();
  const { attempts, skipped } = parseInstallAttempts(
    { installAttempts: fixtures.installAttempts[NIMBUS_APP_ID] },
    logger,
  );
  const acme = '2jAcmeC0rpQ1w2e3r4t5y6u7i8o';

  it('skips an attempt without a start time and logs it', () => {
    expect(attempts.map(a => a.id)).toEqual([
      'ia_2jAcmeHelm0001',
      'ia_2jAcmeLinux002',
      'ia_2jGlobexHelm01',
    ]);
    expect(skipped).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Skipped a malformed install attempt (item 3)'),
    );
  });

  it('maps a completed Helm install to started, steps and completed', () => {
    const common = { attemptId: 'ia_2jAcmeHelm0001', customerId: acme };
    expect(mapInstallAttempt(attempts[0], NOW)).toEqual([
      {
        ...common,
        type: 'started',
        at: '2024-03-10T13:20:00.000Z',
        userEmail: 'dev@acme.example.com',
        installType: 'helm',
        appVersion: '2.2.0',
        environment: { k8sDistribution: 'kurl' },
        networkMode: 'online',
        registry: 'online',
      },
      {
        ...common,
        type: 'step',
        step: 'registry-login',
        at: '2024-03-10T13:22:00.000Z',
      },
      {
        ...common,
        type: 'step',
        step: 'images-pulled',
        at: '2024-03-10T13:41:00.000Z',
      },
      {
        ...common,
        type: 'completed',
        at: '2024-03-10T13:58:00.000Z',
        instanceId: '7f3b2c9e1a4d',
      },
    ]);
  });

  it('maps a failed Embedded Cluster install as a Linux air gap install with its reason', () => {
    const events = mapInstallAttempt(attempts[1], NOW);
    expect(events[0]).toEqual(
      expect.objectContaining({
        installType: 'linux',
        networkMode: 'airgap',
        registry: 'offline',
        environment: { os: 'Ubuntu', osVersion: '22.04' },
      }),
    );
    expect(events.slice(1).map(e => [e.type, e.step ?? e.reason])).toEqual([
      ['step', 'assets-downloaded'],
      [
        'failed',
        'preflight check failed: insufficient disk space on /var/lib (need 40Gi, have 18Gi)',
      ],
    ]);
  });

  it('leaves an attempt in progress without an outcome event', () => {
    expect(mapInstallAttempt(attempts[2], NOW).map(e => e.type)).toEqual([
      'started',
      'step',
    ]);
  });
});
