import { CustomerReportingApiClient } from '@customer-reporting/plugin-customer-reporting-common';
import { http, HttpResponse } from 'msw';
import { API_URL, fakeBackend } from '../__testUtils__/fakeBackend';

/** The generated client as a backend module uses it: a token, no wrapper. */
describe('CustomerReportingApiClient (generated from openapi.yaml)', () => {
  const { server, apis } = fakeBackend();
  const client = new CustomerReportingApiClient(apis);

  it('sends the token as a bearer, set query values only, and encodes path parameters', async () => {
    const seen: { url: string; authorization: string | null }[] = [];
    server.use(
      http.get(`${API_URL}/v1/customers/:id/audit`, ({ request }) => {
        seen.push({
          url: request.url,
          authorization: request.headers.get('authorization'),
        });
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
    );

    const response = await client.listCustomerAudit(
      { path: { customerId: 'a/b c' }, query: { limit: 5, cursor: '' } },
      { token: 'service-token' },
    );

    expect(response.ok).toBe(true);
    await expect(response.json()).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    expect(seen).toEqual([
      {
        url: `${API_URL}/v1/customers/a%2Fb%20c/audit?limit=5`,
        authorization: 'Bearer service-token',
      },
    ]);
  });

  it('answers a non-2xx as it came, for the caller to check', async () => {
    server.use(
      http.post(`${API_URL}/v1/check-ins`, async ({ request }) =>
        HttpResponse.json(
          {
            error: { name: 'InputError', message: 'bad' },
            sent: await request.json(),
            contentType: request.headers.get('content-type'),
          },
          { status: 400 },
        ),
      ),
    );

    const response = await client.postCheckIns({
      body: { checkIns: [{ instanceId: 'i1', customerId: 'c1' }] },
    });

    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toMatchObject({
      sent: { checkIns: [{ instanceId: 'i1', customerId: 'c1' }] },
      contentType: 'application/json',
    });
  });
});
