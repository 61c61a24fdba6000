import { Config } from '@backstage/config';

const HOUR_MS = 60 * 60 * 1000;

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
    activeWindowMs:
      (c?.getOptionalNumber('activity.activeWindowHours') ?? 24) * HOUR_MS,
    checkInRetentionMs:
      (c?.getOptionalNumber('retention.checkInDays') ?? 400) * 24 * HOUR_MS,
    stalledAfterMs:
      (c?.getOptionalNumber('installAttempts.stalledAfterMinutes') ?? 60) *
      60_000,
    downloadPortalBaseUrl:
      c?.getOptionalString('downloadPortal.baseUrl') ??
      'https://download.example.com',
    helmRegistryHost:
      c?.getOptionalString('helm.registryHost') ?? 'registry.example.com',
    helmChartNames:
      c?.getOptional<Record<string, string>>('helm.chartNames') ?? {},
    licenseSigningKey: c?.getOptionalString('license.signingKey'),
    auditRetentionMs:
      (c?.getOptionalNumber('retention.auditDays') ?? 400) * 24 * HOUR_MS,
  };
}
