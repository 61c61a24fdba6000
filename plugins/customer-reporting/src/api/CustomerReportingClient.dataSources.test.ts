import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { DataSourceList } from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingClient } from './CustomerReportingClient';
import { API_URL, fakeBackend } from '../__testUtils__/fakeBackend';

describe('CustomerReportingClient.listDataSources', () => {
  const { server, apis } = fakeBackend();
  const client = new CustomerReportingClient(apis);

  it('gets the sync status of the data sources', async () => {
    const list: DataSourceList = {
      items: [
        {
          id: 'replicated',
          state: 'failed',
          lastStartedAt: '2024-07-02T12:00:00.000Z',
          lastSucceededAt: '2024-07-02T11:30:00.000Z',
          lastFailedAt: '2024-07-02T12:00:05.000Z',
          lastError: 'ResponseError: Request failed with 503',
          counts: { customers: 5 },
        },
      ],
    };
    const urls: string[] = [];
    server.use(
      http.get(`${API_URL}/v1/data-sources`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json(list);
      }),
    );

    await expect(client.listDataSources()).resolves.toEqual(list);
    expect(urls).toEqual([`${API_URL}/v1/data-sources`]);
  });

  it('turns a 403 into a ResponseError', async () => {
    server.use(
      http.get(`${API_URL}/v1/data-sources`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Not allowed: customer-reporting.data-sources.read',
            },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await client.listDataSources().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
  });
});
