import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/**
 * A duration setting, in milliseconds: `key` as Backstage reads durations
 * (`{ days: 400 }`, `'400d'` or `'P400D'`), else the older `legacyKey` (a
 * number of `legacyUnit`s, still read so existing configuration keeps
 * working), else `defaultValue`.
 *
 * @public
 */
export function readDurationMs(
  config: Config,
  options: {
    key: string;
    legacyKey: string;
    legacyUnit: 'days' | 'hours' | 'minutes';
    defaultValue: HumanDuration;
  },
): number {
  const { key, legacyKey, legacyUnit, defaultValue } = options;
  let duration = defaultValue;
  let from = key;
  if (config.has(key)) {
    duration = readDurationFromConfig(config, { key });
  } else if (config.has(legacyKey)) {
    duration = { [legacyUnit]: config.getNumber(legacyKey) };
    from = legacyKey;
  }
  const ms = durationToMilliseconds(duration);
  if (!(ms > 0)) throw new InputError(`${from} must be a positive duration`);
  return ms;
}

/**
 * How long raw check-ins are kept (`customerReporting.retention.checkIns`,
 * formerly `checkInDays`): older ones are deleted daily, so data sources
 * leave them out.
 *
 * @public
 */
export function readCheckInRetentionMs(config: Config): number {
  return readDurationMs(config, {
    key: 'customerReporting.retention.checkIns',
    legacyKey: 'customerReporting.retention.checkInDays',
    legacyUnit: 'days',
    defaultValue: { days: 400 },
  });
}
