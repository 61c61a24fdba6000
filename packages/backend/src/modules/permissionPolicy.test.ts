import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  customerLicenseDownloadPermission,
  customerReadPermission,
} from '@internal/plugin-customer-reporting-common';
import { CustomerReportingDemoPolicy } from './permissionPolicy';

describe('CustomerReportingDemoPolicy', () => {
  const userInfo = mockServices.userInfo({
    ownershipEntityRefs: ['user:default/alice', 'group:default/license-admins'],
  });
  const alice = {
    credentials: mockCredentials.user('user:default/alice'),
    info: { userEntityRef: 'user:default/alice', ownershipEntityRefs: [] },
  };

  it('allows everything by default', async () => {
    const policy = new CustomerReportingDemoPolicy(userInfo);
    await expect(
      policy.handle({ permission: customerLicenseDownloadPermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('limits license downloads to one group when configured', async () => {
    const admins = new CustomerReportingDemoPolicy(
      userInfo,
      'group:default/license-admins',
    );
    await expect(
      admins.handle({ permission: customerLicenseDownloadPermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    const others = new CustomerReportingDemoPolicy(
      userInfo,
      'group:default/finance',
    );
    await expect(
      others.handle({ permission: customerLicenseDownloadPermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      others.handle({ permission: customerReadPermission }, alice),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
