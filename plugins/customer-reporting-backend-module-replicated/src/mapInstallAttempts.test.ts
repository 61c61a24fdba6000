import { fixtures, NIMBUS_APP_ID } from './__fixtures__';
import { NOW, testLogger } from './__testUtils__/fakeVendorApi';
import { mapInstallAttempt } from './mapInstallAttempts';
import { parseInstallAttemptPage } from './parseInstallAttempts';

describe('mapInstallAttempt', () => {
  const page = parseInstallAttemptPage(
    { install_attempts: fixtures.installAttempts[NIMBUS_APP_ID], total: 4 },
    testLogger(),
  );
  const attempt = (id: string) => page.items.find(a => a.id === id)!;
  const acme = '2jAcmeC0rpQ1w2e3r4t5y6u7i8o';

  it('reads the snake_case page with its total', () => {
    expect(page.received).toBe(4);
    expect(page.total).toBe(4);
    expect(page.skipped).toBe(0);
  });

  it('maps a succeeded Helm install to started, its step times and completed', () => {
    const common = { attemptId: 'ia_2kAcmeHelm0001', customerId: acme };
    expect(mapInstallAttempt(attempt('ia_2kAcmeHelm0001'), NOW)).toEqual([
      {
        ...common,
        type: 'started',
        at: '2024-03-10T13:00:00.000Z',
        userEmail: 'alice@acme.example.com',
        installType: 'helm',
        appVersion: '2.2.0',
        environment: { k8sDistribution: 'eks' },
        networkMode: 'online',
        registry: 'online',
      },
      {
        ...common,
        type: 'step',
        step: 'registry-login',
        at: '2024-03-10T13:05:00.000Z',
      },
      {
        ...common,
        type: 'step',
        step: 'images-pulled',
        at: '2024-03-10T13:20:00.000Z',
      },
      {
        ...common,
        type: 'completed',
        at: '2024-03-10T13:50:00.000Z',
        instanceId: '7f3b2c9e1a4d',
      },
    ]);
  });

  it('gives a stalled air gap Linux install no outcome; air gap means an offline registry', () => {
    const events = mapInstallAttempt(attempt('ia_2kAcmeLinux0002'), NOW);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'started',
        installType: 'linux',
        userEmail: 'bob@acme.example.com',
        environment: { os: 'ubuntu', osVersion: '22.04' },
        networkMode: 'airgap',
        registry: 'offline',
      }),
      expect.objectContaining({ type: 'step', step: 'assets-downloaded' }),
    ]);
  });

  it('ends a discarded attempt at its last known time', () => {
    expect(
      mapInstallAttempt(attempt('ia_2kAcmeLinux0003'), NOW).at(-1),
    ).toEqual({
      attemptId: 'ia_2kAcmeLinux0003',
      customerId: acme,
      type: 'discarded',
      at: '2024-06-27T15:00:00.000Z',
    });
  });
});
