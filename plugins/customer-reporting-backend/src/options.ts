import { Config } from '@backstage/config';
import {
  readCheckInRetentionMs,
  readDurationMs,
} from '@customer-reporting/plugin-customer-reporting-node';

/** The plugin's settings from `customerReporting.*` (see config.d.ts). */
export interface PluginOptions {
  maxBodyBytes: number;
  activeWindowMs: number;
  checkInRetentionMs: number;
  stalledAfterMs: number;
  downloadPortalBaseUrl: string;
  helmRegistryHost: string;
  /** Chart name per app slug; an app without an entry uses its slug. */
  helmChartNames: Record<string, string>;
  /** PEM of the Ed25519 key licenses are signed with; unset disables downloads. */
  licenseSigningKey?: string;
  auditRetentionMs: number;
}

export function readPluginOptions(config: Config): PluginOptions {
  const c = config.getOptionalConfig('customerReporting');
  return {
    maxBodyBytes:
      c?.getOptionalNumber('ingest.maxBodyBytes') ?? 5 * 1024 * 1024,
    activeWindowMs: readDurationMs(config, {
      key: 'customerReporting.activity.activeWindow',
      legacyKey: 'customerReporting.activity.activeWindowHours',
      legacyUnit: 'hours',
      defaultValue: { hours: 24 },
    }),
    checkInRetentionMs: readCheckInRetentionMs(config),
    stalledAfterMs: readDurationMs(config, {
      key: 'customerReporting.installAttempts.stalledAfter',
      legacyKey: 'customerReporting.installAttempts.stalledAfterMinutes',
      legacyUnit: 'minutes',
      defaultValue: { minutes: 60 },
    }),
    downloadPortalBaseUrl:
      c?.getOptionalString('downloadPortal.baseUrl') ??
      'https://download.example.com',
    helmRegistryHost:
      c?.getOptionalString('helm.registryHost') ?? 'registry.example.com',
    helmChartNames:
      c?.getOptional<Record<string, string>>('helm.chartNames') ?? {},
    licenseSigningKey: c?.getOptionalString('license.signingKey'),
    auditRetentionMs: readDurationMs(config, {
      key: 'customerReporting.retention.audit',
      legacyKey: 'customerReporting.retention.auditDays',
      legacyUnit: 'days',
      defaultValue: { days: 400 },
    }),
  };
}
