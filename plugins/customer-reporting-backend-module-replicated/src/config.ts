import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readCheckInRetentionMs } from '@customer-reporting/plugin-customer-reporting-node';

export const DEFAULT_BASE_URL = 'https://api.replicated.com/vendor/v3';

/** The module's settings (config.d.ts), checked. */
export interface ReplicatedConfig {
  apiToken: string;
  appSlugs: string[];
  /** Without a trailing slash. */
  baseUrl: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  includeTest: boolean;
  /**
   * The backend plugin's check-in retention: older check-ins are refused at
   * ingest, so the source leaves them out instead of failing a batch.
   */
  checkInRetentionMs: number;
}

/**
 * Reads `customerReporting.replicated`; undefined when the block is absent
 * (the module then stays idle). Throws InputError naming the key when it is
 * present but unusable, so a misconfiguration stops the backend early.
 */
export function readReplicatedConfig(
  config: Config,
): ReplicatedConfig | undefined {
  const c = config.getOptionalConfig('customerReporting.replicated');
  if (!c) return undefined;

  const apiToken = c.getString('apiToken').trim();
  if (!apiToken) {
    throw new InputError(
      'customerReporting.replicated.apiToken must not be empty',
    );
  }
  const appSlugs = c.getStringArray('appSlugs').map(s => s.trim());
  if (appSlugs.length === 0 || appSlugs.some(s => !s)) {
    throw new InputError(
      'customerReporting.replicated.appSlugs must list at least one app slug',
    );
  }
  const baseUrl = (c.getOptionalString('baseUrl') ?? DEFAULT_BASE_URL).replace(
    /\/+$/,
    '',
  );
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
    throw new InputError(
      `customerReporting.replicated.baseUrl must be an http(s) URL, got ${baseUrl}`,
    );
  }
  return {
    apiToken,
    appSlugs: [...new Set(appSlugs)],
    baseUrl,
    schedule: c.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          c.getConfig('schedule'),
        )
      : { frequency: { minutes: 30 }, timeout: { minutes: 15 } },
    includeTest: c.getOptionalBoolean('includeTest') ?? false,
    checkInRetentionMs: readCheckInRetentionMs(config),
  };
}
