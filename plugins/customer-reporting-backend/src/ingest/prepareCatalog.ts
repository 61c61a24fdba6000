import {
  AppInput,
  CustomerInput,
  LICENSE_TYPES,
  LicenseType,
} from '@customer-reporting/plugin-customer-reporting-common';
import { IngestedApp, IngestedCustomer } from './ingestTypes';
import { ingestTime } from './ingestTime';
import { ValidationIssue } from './validate';

/** An app the spec accepted (defaults filled in), as stored. */
export function prepareApp(
  app: AppInput,
  _index: number | null,
  issues: ValidationIssue[],
  now: number,
): IngestedApp {
  const slugs = new Set(app.channels.map(c => c.slug));
  if (slugs.size !== app.channels.length) {
    issues.push({
      index: null,
      field: 'channels',
      message: 'channel slugs must be unique',
    });
  }
  app.channels.forEach((channel, c) => {
    const first = new Map<number, number>();
    (channel.releases ?? []).forEach(({ sequence }, r) => {
      const earlier = first.get(sequence);
      if (earlier === undefined) first.set(sequence, r);
      else {
        issues.push({
          index: null,
          field: `channels.${c}.releases.${r}.sequence`,
          message: `repeats sequence ${sequence} of channels.${c}.releases.${earlier}: a channel's sequences must be unique`,
        });
      }
    });
  });
  return {
    name: app.name.trim(),
    channels: app.channels.map((channel, c) => ({
      slug: channel.slug,
      name: channel.name.trim(),
      releases: (channel.releases ?? []).map((release, r) => ({
        sequence: release.sequence,
        versionLabel: release.versionLabel.trim(),
        promotedAt: ingestTime(
          release.promotedAt,
          now,
          null,
          `channels.${c}.releases.${r}.promotedAt`,
          issues,
        ),
      })),
    })),
  };
}

const LICENSE_TYPE_SET: ReadonlySet<string> = new Set(LICENSE_TYPES);

/** A license type in any casing, `prod` as `paid`. */
function licenseTypeOf(value: string, issues: ValidationIssue[]) {
  const type = value.toLowerCase() === 'prod' ? 'paid' : value.toLowerCase();
  if (!LICENSE_TYPE_SET.has(type)) {
    issues.push({
      index: null,
      field: 'licenseType',
      message: `must be one of ${LICENSE_TYPES.join(', ')}`,
    });
  }
  return type as LicenseType;
}

/** A customer the spec accepted (defaults filled in), as stored. */
export function prepareCustomer(
  customer: CustomerInput,
  _index: number | null,
  issues: ValidationIssue[],
  now: number,
): IngestedCustomer {
  return {
    ...customer,
    name: customer.name.trim(),
    email: customer.email?.trim(),
    customId: customer.customId?.trim(),
    licenseType: licenseTypeOf(customer.licenseType, issues),
    licenseId: customer.licenseId.trim(),
    createdAt: ingestTime(customer.createdAt, now, null, 'createdAt', issues),
    expiresAt:
      typeof customer.expiresAt === 'string'
        ? ingestTime(customer.expiresAt, undefined, null, 'expiresAt', issues)
        : customer.expiresAt,
    archived: customer.archived ?? false,
    enterprisePortalEnabled: customer.enterprisePortalEnabled ?? false,
    owner: customer.owner?.toLowerCase(),
    customFields: (customer.customFields ?? []).map(f => ({
      name: f.name.trim(),
      value: f.value,
    })),
  };
}
