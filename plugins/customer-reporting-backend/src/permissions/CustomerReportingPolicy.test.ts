import { Entity } from '@backstage/catalog-model';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  CUSTOMER_ID_ANNOTATION,
  customerLicenseDownloadPermission,
  customerReadPermission,
  customerReportingAlertsReadPermission,
  customerReportingIngestPermission,
  customerReportingPermissions,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingPolicy } from './CustomerReportingPolicy';
import { GROUP_OF_PERMISSION, readPolicyConfig } from './policyConfig';

const userInfo = mockServices.userInfo();
const user = (name: string) => ({
  credentials: mockCredentials.user(`user:default/${name}`),
  info: { userEntityRef: `user:default/${name}`, ownershipEntityRefs: [] },
});

function policy(permissions: object = {}) {
  return new CustomerReportingPolicy(
    userInfo,
    readPolicyConfig(
      mockServices.rootConfig({
        data: { customerReporting: { permissions } },
      }),
    ),
  );
}

const decide = (
  p: CustomerReportingPolicy,
  permission: Permission,
  as?: string,
) => p.handle({ permission }, as ? user(as) : undefined);

describe('CustomerReportingPolicy', () => {
  it('has a group for every privileged permission and lets users read, nothing more, by default', async () => {
    const privileged = customerReportingPermissions.filter(
      p =>
        p !== customerReadPermission &&
        p !== customerReportingAlertsReadPermission &&
        p !== customerReportingIngestPermission,
    );
    expect(Object.keys(GROUP_OF_PERMISSION).sort()).toEqual(
      privileged.map(p => p.name).sort(),
    );
    const p = policy();
    expect(await decide(p, customerReadPermission, 'alice')).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(
      await decide(p, customerReportingAlertsReadPermission, 'alice'),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    for (const permission of [...privileged, customerReportingIngestPermission])
      expect([permission.name, await decide(p, permission, 'alice')]).toEqual([
        permission.name,
        { result: AuthorizeResult.DENY },
      ]);
    expect(await decide(p, customerReadPermission)).toEqual({
      result: AuthorizeResult.DENY,
    });
    // A permission the plugin adds later is denied until the policy knows it.
    const unknown = createPermission({
      name: 'customer-reporting.something-new',
      attributes: {},
    });
    expect(await decide(p, unknown, 'alice')).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('grants a privileged permission to members of its group (user or group refs, any case)', async () => {
    const p = policy({
      groups: { licenseAdmins: ['User:default/Alice', 'group:default/nobody'] },
    });
    expect(await decide(p, customerLicenseDownloadPermission, 'alice')).toEqual(
      {
        result: AuthorizeResult.ALLOW,
      },
    );
    expect(await decide(p, customerLicenseDownloadPermission, 'bob')).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  describe('with readOwnCustomersOnly', () => {
    const customer = (id: string, owner: string | null): CustomerSummary =>
      ({
        id,
        name: `Customer ${id}`,
        owner,
        appSlug: 'nimbus',
        channelName: 'Stable',
        licenseType: 'paid',
        licenseTypeLabel: 'Paid',
        archived: false,
      } as CustomerSummary);
    /**
     * A customer's entity as the catalog holds it after processing (the
     * catalog module's shape: annotated with the customer id, owned by the
     * customer's owner or the default group).
     */
    const stored = (c: CustomerSummary): Entity => {
      const owner = c.owner ?? 'group:default/customer-success';
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: `customer-${c.id}`,
          annotations: { [CUSTOMER_ID_ANNOTATION]: c.id },
        },
        spec: { type: 'customer', owner },
        relations: [{ type: 'ownedBy', targetRef: owner }],
      };
    };
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'nimbus-api' },
      spec: { owner: 'group:default/someone-else' },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/someone-else' }],
    };

    it('hides customers a user does not own from the catalog, as from the plugin', async () => {
      const p = policy({ readOwnCustomersOnly: true });
      const decision = await decide(p, catalogEntityReadPermission, 'alice');
      expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
      const allows = createConditionAuthorizer({
        getRuleByName: name =>
          Object.values(permissionRules).find(r => r.name === name)!,
      });
      expect(
        allows(decision, stored(customer('c1', 'user:default/alice'))),
      ).toBe(true);
      expect(
        allows(decision, stored(customer('c2', 'group:default/team-b'))),
      ).toBe(false);
      expect(allows(decision, stored(customer('c3', null)))).toBe(false);
      expect(allows(decision, component)).toBe(true);

      expect(await decide(p, customerReadPermission, 'alice')).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        conditions: {
          rule: 'IS_CUSTOMER_OWNER',
          params: { claims: ['user:default/alice'] },
        },
      });
    });

    it('leaves the catalog alone without it', async () => {
      expect(
        await decide(policy(), catalogEntityReadPermission, 'alice'),
      ).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    });
  });
});
