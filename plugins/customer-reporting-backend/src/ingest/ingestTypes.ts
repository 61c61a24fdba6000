import {
  AppInput,
  AttemptEvent,
  CustomerInput,
  LicenseType,
  PortalEvent,
} from '@customer-reporting/plugin-customer-reporting-common';

/*
 * What the ingest hands the stores: the spec's request models (generated
 * from openapi.yaml into -common) after validation, with times as epoch
 * milliseconds, defaults filled in and values in their stored casing.
 */

type Release = NonNullable<AppInput['channels'][number]['releases']>[number];
type Channel = AppInput['channels'][number];

export interface IngestedApp {
  name: string;
  channels: (Omit<Channel, 'releases'> & {
    releases: (Omit<Release, 'promotedAt'> & { promotedAt: number })[];
  })[];
}

export type IngestedCustomer = Omit<
  CustomerInput,
  | 'licenseType'
  | 'createdAt'
  | 'expiresAt'
  | 'archived'
  | 'enterprisePortalEnabled'
  | 'customFields'
> & {
  licenseType: LicenseType;
  createdAt: number;
  expiresAt?: number | null;
  archived: boolean;
  enterprisePortalEnabled: boolean;
  customFields: NonNullable<CustomerInput['customFields']>;
};

export type IngestedAttemptEvent = Omit<AttemptEvent, 'at'> & { at: number };

export type IngestedPortalEvent = Omit<PortalEvent, 'at'> & { at: number };
