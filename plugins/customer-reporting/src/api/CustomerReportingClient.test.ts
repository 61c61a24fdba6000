import { ResponseError } from '@backstage/errors';
import { CustomerListResponse } from '@customer-reporting/plugin-customer-reporting-common';
import { http, HttpResponse } from 'msw';
import { customerSummaryFixture } from '@customer-reporting/plugin-customer-reporting-common/testUtils';
import { CustomerReportingClient } from './CustomerReportingClient';
import { API_URL, fakeBackend } from '../__testUtils__/fakeBackend';

const page: CustomerListResponse = {
  items: [
    customerSummaryFixture({
      email: 'ops@acme.test',
      activeInstances: 2,
      lastActiveAt: '2025-06-01T00:00:00Z',
    }),
  ],
  totalCount: 1,
  nextCursor: 'abc',
};

describe('CustomerReportingClient', () => {
  const { server, apis } = fakeBackend();
  const client = new CustomerReportingClient(apis);

  /** Answers GETs of `path` (default the customer list), recording the URLs. */
  function captureRequests(
    response: Response | (() => Response),
    path = '/v1/customers',
  ) {
    const urls: URL[] = [];
    server.use(
      http.get(`${API_URL}${path}`, ({ request }) => {
        urls.push(new URL(request.url));
        return typeof response === 'function' ? response() : response;
      }),
    );
    return urls;
  }

  it('lists customers without a query string when no filter is set', async () => {
    const urls = captureRequests(() => HttpResponse.json(page));

    await expect(client.listCustomers()).resolves.toEqual(page);

    expect(urls).toHaveLength(1);
    expect(urls[0].href).toBe(`${API_URL}/v1/customers`);
  });

  it('sends every set filter and the cursor as query parameters', async () => {
    const urls = captureRequests(() => HttpResponse.json(page));

    await client.listCustomers({
      search: 'acme corp',
      appSlug: 'app-a',
      channelSlug: 'stable',
      licenseType: 'trial',
      active: false,
      status: 'missing',
      sort: 'lastActiveAt',
      order: 'desc',
      limit: 50,
      cursor: 'abc',
    });

    expect(urls[0].pathname).toBe('/api/customer-reporting/v1/customers');
    expect(urls[0].search).toBe(
      '?search=acme+corp&appSlug=app-a&channelSlug=stable&licenseType=trial&active=false&status=missing&sort=lastActiveAt&order=desc&limit=50&cursor=abc',
    );
  });

  it('lists the apps and channels the list filters by', async () => {
    const apps = {
      items: [
        {
          slug: 'app-a',
          name: 'App A',
          channels: [{ slug: 'stable', name: 'Stable' }],
        },
      ],
    };
    const urls = captureRequests(() => HttpResponse.json(apps), '/v1/apps');

    await expect(client.listApps()).resolves.toEqual(apps);
    expect(urls[0].pathname).toBe('/api/customer-reporting/v1/apps');
    expect(urls[0].search).toBe('');
  });

  it('leaves out empty filters', async () => {
    const urls = captureRequests(() => HttpResponse.json(page));

    await client.listCustomers({
      search: '',
      appSlug: undefined,
      active: true,
    });

    expect(urls[0].search).toBe('?active=true');
  });

  it('throws a ResponseError carrying the backend error body', async () => {
    // The shape Backstage's default error handler answers with, e.g. for a
    // thrown InputError: ResponseError only adopts a body with `response`.
    captureRequests(() =>
      HttpResponse.json(
        {
          error: { name: 'InputError', message: 'limit must be at most 100' },
          request: { method: 'GET', url: '/v1/customers?limit=500' },
          response: { statusCode: 400 },
        },
        { status: 400 },
      ),
    );

    const error = await client.listCustomers({ limit: 500 }).then(
      () => undefined,
      e => e,
    );

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause).toMatchObject({
      name: 'InputError',
      message: 'limit must be at most 100',
    });
  });

  it('keeps the text of a bare {error} body in the ResponseError', async () => {
    // A hand-written `{error:{name,message}}` without `response` is not
    // adopted as-is; its raw text still reaches the user via the cause.
    captureRequests(() =>
      HttpResponse.json(
        { error: { name: 'InputError', message: 'unknown licenseType' } },
        { status: 400 },
      ),
    );

    const error = await client.listCustomers().then(
      () => undefined,
      e => e,
    );

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.name).toBe('Error');
    expect(error.cause.message).toContain('unknown licenseType');
  });

  it('throws a ResponseError on a server error without a JSON body', async () => {
    captureRequests(() => new HttpResponse('upstream down', { status: 502 }));

    await expect(client.listCustomers()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 502,
    });
  });
});
