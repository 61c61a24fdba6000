import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { CustomerReportingClient } from './CustomerReportingClient';
import { filenameFromDisposition } from './contentDisposition';
import { API_URL, fakeBackend } from '../__testUtils__/fakeBackend';

const customer = `${API_URL}/v1/customers/cus%2F1`;

/** What the handler saw of one request. */
interface Seen {
  method: string;
  url: string;
  contentType: string | null;
  body: unknown;
}

describe('CustomerReportingClient customer actions', () => {
  const { server, apis } = fakeBackend();
  const client = new CustomerReportingClient(apis);

  /** Answers any method on `url` with `response` and records the requests. */
  function capture(url: string, response: () => Response) {
    const seen: Seen[] = [];
    server.use(
      http.all(url, async ({ request }) => {
        const text = await request.text();
        seen.push({
          method: request.method,
          url: request.url,
          contentType: request.headers.get('content-type'),
          body: text ? JSON.parse(text) : undefined,
        });
        return response();
      }),
    );
    return seen;
  }

  function conflict(message: string) {
    return HttpResponse.json(
      {
        error: { name: 'ConflictError', message },
        response: { statusCode: 409 },
      },
      { status: 409 },
    );
  }

  it('gets the Helm instructions with the customer ID encoded', async () => {
    const answer = {
      registryLogin:
        'helm registry login r.example.com --username a --password b',
      install: 'helm install nimbus oci://r.example.com/nimbus/nimbus',
      notes: ['The password is the license ID.'],
    };
    const seen = capture(`${customer}/helm-instructions`, () =>
      HttpResponse.json(answer),
    );

    await expect(client.getHelmInstructions('cus/1')).resolves.toEqual(answer);
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: `${customer}/helm-instructions`,
        body: undefined,
      }),
    ]);
  });

  it('rejects with the reason when Helm instructions are not possible', async () => {
    capture(`${customer}/helm-instructions`, () =>
      conflict('Acme has no email address'),
    );

    const error = await client.getHelmInstructions('cus/1').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(409);
    expect(error.body.error.message).toBe('Acme has no email address');
  });

  it('downloads the license with the file name of Content-Disposition', async () => {
    const seen = capture(
      `${customer}/license`,
      () =>
        new HttpResponse('apiVersion: customer-reporting/v1\n', {
          headers: {
            'content-type': 'application/yaml',
            'content-disposition':
              'attachment; filename="acme-corp-license.yaml"',
          },
        }),
    );

    const file = await client.downloadLicense('cus/1');
    expect(file.filename).toBe('acme-corp-license.yaml');
    expect(await file.blob.text()).toBe('apiVersion: customer-reporting/v1\n');
    expect(seen.map(s => `${s.method} ${s.url}`)).toEqual([
      `GET ${customer}/license`,
    ]);
  });

  it('generates a portal password with an empty JSON body', async () => {
    const seen = capture(`${customer}/download-portal/password`, () =>
      HttpResponse.json({ password: 'p'.repeat(24) }),
    );

    await expect(client.generatePortalPassword('cus/1')).resolves.toEqual({
      password: 'p'.repeat(24),
    });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: `${customer}/download-portal/password`,
        contentType: 'application/json',
        body: {},
      },
    ]);
  });

  it('sets a chosen portal password and accepts 204', async () => {
    const seen = capture(
      `${customer}/download-portal/password`,
      () => new HttpResponse(null, { status: 204 }),
    );

    await expect(
      client.setPortalPassword('cus/1', 'correct horse battery'),
    ).resolves.toBeUndefined();
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: { password: 'correct horse battery' },
    });
  });

  it('switches the enterprise portal with PUT {enabled}', async () => {
    const seen = capture(`${customer}/enterprise-portal`, () =>
      HttpResponse.json({ enabled: false }),
    );

    await expect(client.setEnterprisePortal('cus/1', false)).resolves.toEqual({
      enabled: false,
    });
    expect(seen[0]).toMatchObject({
      method: 'PUT',
      url: `${customer}/enterprise-portal`,
      contentType: 'application/json',
      body: { enabled: false },
    });
  });

  it('archives and unarchives an instance with PUT {archived}', async () => {
    const instance = `${API_URL}/v1/instances/ins%2F1/archived`;
    const seen = capture(instance, () => HttpResponse.json({ archived: true }));

    await expect(client.setInstanceArchived('ins/1', true)).resolves.toEqual({
      archived: true,
    });
    await client.setInstanceArchived('ins/1', false);
    expect(seen).toEqual([
      {
        method: 'PUT',
        url: instance,
        contentType: 'application/json',
        body: { archived: true },
      },
      expect.objectContaining({ method: 'PUT', body: { archived: false } }),
    ]);
  });

  it('rejects with the reason when the instance may not be archived', async () => {
    capture(`${API_URL}/v1/instances/ins_1/archived`, () =>
      conflict('Instance ins_1 is active'),
    );

    const error = await client.setInstanceArchived('ins_1', true).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(409);
    expect(error.body.error.message).toBe('Instance ins_1 is active');
  });

  it('invites a portal user and surfaces 409 for a repeated invitation', async () => {
    let calls = 0;
    const seen = capture(`${customer}/enterprise-portal/invitations`, () =>
      ++calls === 1
        ? HttpResponse.json(
            { email: 'dev@acme.test', status: 'invited' },
            { status: 201 },
          )
        : conflict('dev@acme.test has already been invited'),
    );

    await expect(
      client.invitePortalUser('cus/1', 'dev@acme.test'),
    ).resolves.toEqual({ email: 'dev@acme.test', status: 'invited' });
    const again = await client
      .invitePortalUser('cus/1', 'dev@acme.test')
      .catch(e => e);
    expect(again).toBeInstanceOf(ResponseError);
    expect(again.response.status).toBe(409);
    expect(seen.map(s => [s.method, s.body])).toEqual([
      ['POST', { email: 'dev@acme.test' }],
      ['POST', { email: 'dev@acme.test' }],
    ]);
  });

  it('lists the audit trail with limit and cursor', async () => {
    const page = {
      items: [
        {
          at: '2025-06-01T10:00:00.000Z',
          actor: 'user:default/guest',
          action: 'portal-user-invited',
          details: { email: 'dev@acme.test' },
        },
      ],
      nextCursor: 'next',
    };
    const seen = capture(`${customer}/audit`, () => HttpResponse.json(page));

    await expect(
      client.listAudit('cus/1', { limit: 20, cursor: 'abc' }),
    ).resolves.toEqual(page);
    await client.listAudit('cus/1');
    expect(seen.map(s => s.url)).toEqual([
      `${customer}/audit?limit=20&cursor=abc`,
      `${customer}/audit`,
    ]);
  });
});

describe('filenameFromDisposition', () => {
  it.each([
    ['attachment; filename="acme-license.yaml"', 'acme-license.yaml'],
    ['attachment; filename=plain.yaml', 'plain.yaml'],
    ["attachment; filename*=UTF-8''caf%C3%A9.yaml", 'café.yaml'],
    ['attachment', undefined],
    [null, undefined],
  ])('reads %p as %p', (header, expected) => {
    expect(filenameFromDisposition(header)).toBe(expected);
  });
});
