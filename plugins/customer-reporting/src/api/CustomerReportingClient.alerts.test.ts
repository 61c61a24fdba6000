import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { AlertRuleInput } from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingClient } from './CustomerReportingClient';
import { API_URL, fakeBackend } from '../__testUtils__/fakeBackend';

const input: AlertRuleInput = {
  name: 'Down',
  eventType: 'instance-unavailable',
  threshold: 45,
  filters: {
    appSlugs: [],
    channelSlugs: [],
    licenseTypes: [],
    customerIds: [],
    owners: [],
  },
  recipients: [],
  enabled: true,
};

describe('CustomerReportingClient alert routes', () => {
  const { server, apis } = fakeBackend();
  const client = new CustomerReportingClient(apis);

  it('puts, mutes, unmutes and deletes a rule with the ids encoded', async () => {
    const seen: string[] = [];
    const record = async ({ request }: { request: Request }) => {
      const text = await request.text();
      seen.push(`${request.method} ${request.url} ${text}`);
      return request.method === 'DELETE'
        ? new HttpResponse(null, { status: 204 })
        : HttpResponse.json({ id: 'a b', ...input, mutes: [] });
    };
    server.use(
      http.put(`${API_URL}/v1/alerts/rules/:id`, record),
      http.delete(`${API_URL}/v1/alerts/rules/:id`, record),
      http.put(`${API_URL}/v1/alerts/rules/:id/mutes`, record),
      http.delete(`${API_URL}/v1/alerts/rules/:id/mutes`, record),
    );
    await expect(client.putAlertRule('a b', input)).resolves.toMatchObject({
      id: 'a b',
    });
    await client.muteAlertRule('a b', {
      subject: 'i1',
      until: '2024-07-03T00:00:00.000Z',
    });
    await client.unmuteAlertRule('a b', 'i1');
    await client.unmuteAlertRule('a b');
    await client.deleteAlertRule('a b');
    expect(seen).toEqual([
      `PUT ${API_URL}/v1/alerts/rules/a%20b ${JSON.stringify(input)}`,
      `PUT ${API_URL}/v1/alerts/rules/a%20b/mutes {"subject":"i1","until":"2024-07-03T00:00:00.000Z"}`,
      `DELETE ${API_URL}/v1/alerts/rules/a%20b/mutes?subject=i1 `,
      `DELETE ${API_URL}/v1/alerts/rules/a%20b/mutes `,
      `DELETE ${API_URL}/v1/alerts/rules/a%20b `,
    ]);
  });

  it('lists rules and deliveries, and turns a 403 into a ResponseError', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${API_URL}/v1/alerts/rules`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.get(`${API_URL}/v1/alerts/deliveries`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json({ items: [] });
      }),
      http.delete(`${API_URL}/v1/alerts/rules/:id`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Not allowed: customer-reporting.alerts.manage',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client.listAlertRules()).resolves.toEqual({ items: [] });
    await client.listAlertDeliveries({ ruleId: 'r1', limit: 20 });
    await client.listAlertDeliveries();
    expect(urls).toEqual([
      `${API_URL}/v1/alerts/deliveries?ruleId=r1&limit=20`,
      `${API_URL}/v1/alerts/deliveries`,
    ]);
    const error = await client.deleteAlertRule('r1').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
  });
});
