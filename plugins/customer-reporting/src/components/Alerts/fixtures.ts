import {
  AlertDelivery,
  AlertRule,
} from '@customer-reporting/plugin-customer-reporting-common';

export const downRule: AlertRule = {
  id: 'down',
  name: 'Production down',
  eventType: 'instance-unavailable',
  threshold: 45,
  filters: {
    appSlugs: ['nimbus'],
    channelSlugs: [],
    licenseTypes: ['paid'],
    customerIds: [],
    owners: [],
  },
  recipients: ['group:default/sre'],
  recipientsReadAs: { by: 'user:default/alice', reads: 'some' },
  enabled: true,
  createdAt: '2024-07-01T10:00:00.000Z',
  updatedAt: '2024-07-01T10:00:00.000Z',
  updatedBy: 'user:default/alice',
  mutes: [],
  hiddenCustomerIds: 0,
};

export const expiryRule: AlertRule = {
  ...downRule,
  id: 'expiry',
  name: 'Licenses running out',
  eventType: 'license-expiring',
  threshold: null,
  filters: {
    appSlugs: [],
    channelSlugs: [],
    licenseTypes: [],
    customerIds: [],
    owners: [],
  },
  recipients: [],
  mutes: [
    {
      subject: null,
      until: '2999-01-01T00:00:00.000Z',
      createdBy: 'user:default/alice',
    },
  ],
};

export const delivery: AlertDelivery = {
  ruleId: 'down',
  ruleName: 'Production down',
  eventType: 'instance-unavailable',
  subject: 'inst_1',
  customerId: 'cus_1',
  kind: 'firing',
  title: 'Acme Corp: instance inst_1 is unavailable for 45 min',
  recipients: ['group:default/sre'],
  at: '2024-07-02T12:00:00.000Z',
  sentAt: '2024-07-02T12:00:01.000Z',
  error: null,
};
