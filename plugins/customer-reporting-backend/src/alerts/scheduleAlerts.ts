import { Config } from '@backstage/config';
import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { readDurationMs } from '@customer-reporting/plugin-customer-reporting-node';
import { readPolicyConfig } from '../permissions/policyConfig';
import { AlertEvaluator } from './AlertEvaluator';

/** `customerReporting.alerts` (config.d.ts). */
export interface AlertOptions {
  evaluateEveryMs: number;
  lookbackMs: number;
  /** Told of a customer without owner by rules without recipients; null: nobody. */
  defaultOwner: string | null;
}

export function readAlertOptions(config: Config): AlertOptions {
  const c = config.getOptionalConfig('customerReporting');
  return {
    evaluateEveryMs: readDurationMs(config, {
      key: 'customerReporting.alerts.evaluateEvery',
      legacyKey: 'customerReporting.alerts.evaluateEveryMinutes',
      legacyUnit: 'minutes',
      defaultValue: { minutes: 1 },
    }),
    lookbackMs: readDurationMs(config, {
      key: 'customerReporting.alerts.lookback',
      legacyKey: 'customerReporting.alerts.lookbackHours',
      legacyUnit: 'hours',
      defaultValue: { hours: 168 },
    }),
    // With readOwnCustomersOnly nobody but services reads a customer
    // without owner (docs/permissions.md): its notification would tell the
    // default owner's members of a customer they may not read.
    defaultOwner: readPolicyConfig(config).readOwnCustomersOnly
      ? null
      : c?.getOptionalString('catalog.defaultOwner') ??
        'group:default/customer-success',
  };
}

/**
 * Judges every rule on a schedule, once across replicas (the scheduler's
 * global tasks take a database lock): what time alone changes, such as an
 * instance going inactive or an attempt stalling, is noticed without ingest.
 */
export async function scheduleAlerts(options: {
  scheduler: SchedulerService;
  evaluator: AlertEvaluator;
  logger: LoggerService;
  everyMs: number;
}) {
  const { scheduler, evaluator, logger, everyMs } = options;
  await scheduler.scheduleTask({
    id: 'customer-reporting-alerts',
    frequency: { milliseconds: everyMs },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 30 },
    fn: async () => {
      const result = await evaluator.evaluate();
      if (result.sent > 0)
        logger.info(
          `Alerts: ${result.sent} notifications from ${result.rules} rules (${result.judged} subjects judged)`,
        );
    },
  });
}
