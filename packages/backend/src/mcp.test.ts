import { generateKeyPairSync, randomBytes } from 'crypto';
import { AddressInfo } from 'net';
import path from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsServiceFactory } from '@backstage/backend-defaults/alpha';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import customerReportingPlugin from '@customer-reporting/plugin-customer-reporting-backend';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../../..');

/** One JSON-RPC request over MCP's streamable HTTP transport. */
async function mcpRequest(
  base: string,
  auth: string | undefined,
  method: string,
  params = {},
) {
  const response = await fetch(`${base}/api/mcp-actions/v1`, {
    method: 'POST',
    headers: {
      ...(auth && { authorization: auth }),
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const text = await response.text();
  // The answer comes as one server-sent event: `data: {...}`.
  const data = text.match(/^data: (.*)$/m)?.[1];
  return { status: response.status, body: data && JSON.parse(data) };
}

/**
 * Customer reporting's actions reach an MCP client through Backstage's MCP
 * actions backend (as in this backend's index.ts and app-config.yaml's
 * backend.actions.pluginSources): tools/list names them, tools/call answers
 * with the caller's credentials, and an anonymous caller gets nothing.
 */
describe('customer reporting over MCP', () => {
  it('lists the actions as tools and calls one for a signed-in user', async () => {
    const { server } = await startTestBackend({
      features: [
        customerReportingPlugin,
        mcpActionsPlugin,
        // The real actions service, which asks the plugins of pluginSources.
        actionsServiceFactory,
        // A request without a token is anonymous, as in a real backend.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['customer-reporting'] } },
          },
        }),
      ],
    });
    const base = `http://localhost:${(server.address() as AddressInfo).port}`;
    const service = mockCredentials.service.header();
    const alice = mockCredentials.user.header('user:default/alice');
    const api = `${base}/api/customer-reporting`;
    const put = async (route: string, body: object) => {
      const response = await fetch(`${api}${route}`, {
        method: 'PUT',
        headers: { authorization: service, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect([route, response.status]).toEqual([route, 200]);
    };
    await put('/v1/apps/nimbus', {
      name: 'Nimbus',
      channels: [{ slug: 'stable', name: 'Stable', releases: [] }],
    });
    await put('/v1/customers/c1', {
      name: 'Acme Corp',
      appSlug: 'nimbus',
      channelSlug: 'stable',
      licenseType: 'paid',
      licenseId: 'lic-acme',
      createdAt: new Date(Date.now() - 86_400_000).toISOString(),
      features: {
        gitops: false,
        airgap: false,
        identity: false,
        snapshots: false,
      },
    });

    const rpc = (auth: string | undefined, method: string, params = {}) =>
      mcpRequest(base, auth, method, params);

    const listed = await rpc(alice, 'tools/list');
    expect(listed.status).toBe(200);
    const tools = listed.body.result.tools as {
      name: string;
      inputSchema: { type: string };
      annotations?: { readOnlyHint?: boolean };
    }[];
    expect(tools.map(t => t.name).sort()).toEqual([
      'customer-reporting.get-customer-health',
      'customer-reporting.list-customers',
      'customer-reporting.list-instance-events',
      'customer-reporting.list-problem-install-attempts',
      'customer-reporting.summarize-install-attempts',
    ]);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }

    const called = await rpc(alice, 'tools/call', {
      name: 'customer-reporting.list-customers',
      arguments: { search: 'acme' },
    });
    expect(called.body.result.isError).toBeFalsy();
    const answer = JSON.parse(called.body.result.content[0].text);
    expect(answer.items.map((c: { id: string }) => c.id)).toEqual(['c1']);
    expect(answer.totalCount).toBe(1);

    const anonymous = await rpc(undefined, 'tools/list');
    expect(anonymous.status).toBe(401);
  });

  it('refuses the production ingest token and anonymous callers', async () => {
    // The ingest token is restricted to customer-reporting, so it reaches
    // no MCP tool.
    const ingestToken = randomBytes(24).toString('hex');
    const base = await startWithConfigFiles(
      ['app-config.yaml', 'app-config.production.yaml'],
      {
        CUSTOMER_REPORTING_INGEST_TOKEN: ingestToken,
        CUSTOMER_REPORTING_LICENSE_SIGNING_KEY: generateKeyPairSync('ed25519')
          .privateKey.export({ format: 'pem', type: 'pkcs8' })
          .toString(),
      },
    );
    const asIngest = await mcpRequest(
      base,
      `Bearer ${ingestToken}`,
      'tools/list',
    );
    expect(asIngest.status).toBe(403);
    expect((await mcpRequest(base, undefined, 'tools/list')).status).toBe(401);
    expect(
      (await mcpRequest(base, 'Bearer not-a-token', 'tools/list')).status,
    ).toBe(401);
  });

  it('lists the tools for the development token of the local starts', async () => {
    // docs/mcp.md's local client setup: yarn dev's layering and token.
    const base = await startWithConfigFiles(
      ['app-config.yaml', 'app-config.demo.yaml'],
      {},
    );
    const listed = await mcpRequest(
      base,
      'Bearer dev-ingest-token-change-me',
      'tools/list',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.result.tools).toHaveLength(5);
    // The call goes on to the plugin with a real plugin token.
    const called = await mcpRequest(
      base,
      'Bearer dev-ingest-token-change-me',
      'tools/call',
      {
        name: 'customer-reporting.summarize-install-attempts',
        arguments: {},
      },
    );
    expect(called.body.result.isError).toBeFalsy();
    expect(JSON.parse(called.body.result.content[0].text).summary.total).toBe(
      0,
    );
  });
});

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

/**
 * The plugins started with the given configuration files as packages/backend
 * reads them, and Backstage's real auth services (the mocks know no static
 * tokens). Answers the backend's base URL.
 */
async function startWithConfigFiles(
  files: string[],
  env: Record<string, string>,
) {
  Object.assign(process.env, env, {
    // The files' databases aside: in-memory SQLite, one per plugin.
    APP_CONFIG_backend_database: JSON.stringify({
      client: 'better-sqlite3',
      connection: ':memory:',
    }),
  });
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      mcpActionsPlugin,
      actionsServiceFactory,
      authServiceFactory,
      httpAuthServiceFactory,
      rootConfigServiceFactory({
        argv: [
          'node',
          'packages/backend',
          ...files.flatMap(file => ['--config', path.join(root, file)]),
        ],
        watch: false,
      }),
    ],
  });
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}
