import { AddressInfo } from 'net';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import customerReportingPlugin from '@customer-reporting/plugin-customer-reporting-backend';

jest.setTimeout(120_000);

/**
 * Customer reporting's alerts reach Backstage's real notifications backend
 * (as in this backend's index.ts): a rule's notification shows in the
 * recipient's list, and its recovery updates the same notification.
 */
describe('alerts through the notifications backend', () => {
  it('notifies the recipient and updates the notification when the instance recovers', async () => {
    const { server } = await startTestBackend({
      features: [
        customerReportingPlugin,
        notificationsPlugin,
        signalsPlugin,
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
        }),
      ],
    });
    const base = `http://localhost:${(server.address() as AddressInfo).port}`;
    const call = async (
      path: string,
      auth: string,
      method = 'GET',
      body?: object,
    ) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      });
      expect([path, response.status]).toEqual([path, 200]);
      return response.json();
    };
    const service = mockCredentials.service.header();
    const alice = mockCredentials.user.header('user:default/alice');
    const api = '/api/customer-reporting';
    const now = Date.now();
    const iso = (minutesAgo: number) =>
      new Date(now - minutesAgo * 60_000).toISOString();

    await call(`${api}/v1/apps/nimbus`, service, 'PUT', {
      name: 'Nimbus',
      channels: [{ slug: 'stable', name: 'Stable', releases: [] }],
    });
    await call(`${api}/v1/customers/c1`, service, 'PUT', {
      name: 'Acme Corp',
      appSlug: 'nimbus',
      channelSlug: 'stable',
      licenseType: 'paid',
      licenseId: 'lic-acme',
      createdAt: iso(60 * 24 * 30),
      features: {
        gitops: false,
        airgap: false,
        identity: false,
        snapshots: false,
      },
    });
    await call(`${api}/v1/alerts/rules/down`, service, 'PUT', {
      name: 'Production down',
      eventType: 'instance-unavailable',
      recipients: ['user:default/alice'],
    });
    const checkIn = (minutesAgo: number, appStatus: string) =>
      call(`${api}/v1/check-ins`, service, 'POST', {
        checkIns: [
          {
            instanceId: 'i1',
            customerId: 'c1',
            at: iso(minutesAgo),
            appStatus,
          },
        ],
      });
    await checkIn(40, 'unavailable');

    const first = await call('/api/notifications/notifications', alice);
    expect(first.totalCount).toBe(1);
    expect(first.notifications[0].payload).toMatchObject({
      title: 'Acme Corp: instance i1 is unavailable for 40 min',
      topic: 'customer-reporting:instance-unavailable',
      scope: 'customer-reporting:down:i1',
      severity: 'high',
      link: '/customer-reporting/instances/i1',
    });

    await checkIn(0, 'ready');
    const second = await call('/api/notifications/notifications', alice);
    expect(second.totalCount).toBe(1);
    expect(second.notifications[0].payload.title).toBe(
      'Recovered: Acme Corp: instance i1 is ready again',
    );

    const log = await call(`${api}/v1/alerts/deliveries`, alice);
    expect(
      log.items.map((d: any) => `${d.kind} ${d.recipients} ${d.error}`),
    ).toEqual([
      'recovered user:default/alice null',
      'firing user:default/alice null',
    ]);
  });
});
