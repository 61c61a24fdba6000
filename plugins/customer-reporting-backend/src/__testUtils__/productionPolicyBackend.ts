import { generateKeyPairSync } from 'crypto';
import { Knex } from 'knex';
import request from 'supertest';
import { JsonObject } from '@backstage/types';
import {
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { customerReportingIngestPermission } from '@customer-reporting/plugin-customer-reporting-common';
import { customerReportingPlugin } from '../plugin';
import { customerReportingPermissionPolicyModule } from '../permissions/permissionPolicyModule';
import { TEST_APP, testCustomer } from './fixtures';

/** Header of a user who is a member of `group:default/<name>`. */
export const userHeader = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

/**
 * A token standing for the production ingest token: a service principal
 * restricted to the ingest permission, as `accessRestrictions` in
 * `backend.auth.externalAccess` make it (staticToken.test.ts checks that
 * configuration with Backstage's real auth services).
 */
export const INGEST_ONLY_HEADER = 'Bearer ingest-only-token';

const ON_BEHALF_OF = /^Bearer mock-service-token:(\{.*"obo".*\})$/;

/**
 * The mock httpAuth, plus the ingest-only token, and with the calling plugin
 * kept as the actor of a user's on-behalf-of token as Backstage's real auth
 * does (the permission backend refuses resource queries without it).
 */

const ingestOnlyTokenFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const mock = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    return {
      ...mock,
      credentials: (async (req, options) => {
        const header = req.headers.authorization ?? '';
        const onBehalfOf = header.match(ON_BEHALF_OF);
        if (onBehalfOf)
          return mockCredentials.user(JSON.parse(onBehalfOf[1]).obo, {
            actor: { subject: 'plugin:customer-reporting' },
          });
        if (header !== INGEST_ONLY_HEADER)
          return mock.credentials(req, options);
        return mockCredentials.service('external:customer-reporting-ingest', {
          permissionNames: [customerReportingIngestPermission.name],
        });
      }) as typeof mock.credentials,
    };
  },
});

const groupMembershipFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: { auth: coreServices.auth },
  factory: ({ auth }) => ({
    async getUserInfo(credentials) {
      if (!auth.isPrincipal(credentials, 'user'))
        throw new Error('User info is only for users');
      const { userEntityRef } = credentials.principal;
      const name = userEntityRef.split('/')[1];
      return {
        userEntityRef,
        ownershipEntityRefs: [userEntityRef, `group:default/${name}`],
      };
    },
  }),
});

const TEST_SIGNING_KEY = generateKeyPairSync('ed25519')
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString();

/**
 * The plugin behind Backstage's real permission backend running the shipped
 * policy (customerReportingPermissionPolicyModule) with the production
 * default of no group members unless `groups` says otherwise. Users are
 * mock-signed; user `user:default/<name>` belongs to `group:default/<name>`.
 */
export async function startWithProductionPolicy(
  knex: Knex,
  permissions: JsonObject = {},
  /** More features or service factories, e.g. an auditor mock. */
  extraFeatures: Array<ServiceFactory | BackendFeature> = [],
) {
  return startWithPolicyModule(
    knex,
    customerReportingPermissionPolicyModule,
    permissions,
    extraFeatures,
  );
}

/**
 * The same backend with `policy` as the permission backend's policy, e.g.
 * one of an adopter's own with conditions of the plugin's rules.
 */
export async function startWithPolicy(knex: Knex, policy: PermissionPolicy) {
  return startWithPolicyModule(
    knex,
    createBackendModule({
      pluginId: 'permission',
      moduleId: 'test-policy',
      register(env) {
        env.registerInit({
          deps: { policies: policyExtensionPoint },
          async init({ policies }) {
            policies.setPolicy(policy);
          },
        });
      },
    }),
  );
}

async function startWithPolicyModule(
  knex: Knex,
  policyModule: BackendFeature,
  permissions: JsonObject = {},
  extraFeatures: Array<ServiceFactory | BackendFeature> = [],
) {
  const { server } = await startTestBackend({
    features: [
      customerReportingPlugin,
      permissionPlugin,
      policyModule,
      permissionsServiceFactory,
      mockServices.database.factory({ knex }),
      ingestOnlyTokenFactory,
      groupMembershipFactory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          customerReporting: {
            permissions,
            license: { signingKey: TEST_SIGNING_KEY },
            helm: { registryHost: 'registry.acme.test' },
          },
        },
      }),
      ...extraFeatures,
    ],
  });
  return server;
}

/**
 * The test app and two customers through the ingest-only token: c1 owned by
 * group:default/team-a, c2 by group:default/team-b. Answers the ingest
 * helper for more data.
 */
export async function ingestTeamCustomers(
  server: Awaited<ReturnType<typeof startWithProductionPolicy>>,
) {
  const ingest = (method: 'put' | 'post', path: string, body: object) =>
    request(server)
      [method](`/api/customer-reporting${path}`)
      .set('Authorization', INGEST_ONLY_HEADER)
      .send(body)
      .expect(200);
  await ingest('put', '/v1/apps/test-app', TEST_APP);
  for (const [id, owner] of [
    ['c1', 'group:default/team-a'],
    ['c2', 'group:default/team-b'],
  ]) {
    await ingest(
      'put',
      `/v1/customers/${id}`,
      testCustomer({ name: `Customer ${id}`, licenseId: `lic-${id}`, owner }),
    );
  }
  return ingest;
}
