import { Config } from '@backstage/config';
import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { AlertEvaluator } from './AlertEvaluator';

/** `customerReporting.alerts` (config.d.ts). */
export interface AlertOptions {
  evaluateEveryMinutes: number;
  lookbackMs: number;
  defaultOwner: string;
}

export function readAlertOptions(config: Config): AlertOptions {
  const c = config.getOptionalConfig('customerReporting');
  return {
    evaluateEveryMinutes:
      c?.getOptionalNumber('alerts.evaluateEveryMinutes') ?? 1,
    lookbackMs:
      (c?.getOptionalNumber('alerts.lookbackHours') ?? 168) * 3_600_000,
    defaultOwner:
      c?.getOptionalString('catalog.defaultOwner') ??
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
  everyMinutes: number;
}) {
  const { scheduler, evaluator, logger, everyMinutes } = options;
  await scheduler.scheduleTask({
    id: 'customer-reporting-alerts',
    frequency: { minutes: everyMinutes },
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
