import { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import { InstallAttemptFilters } from '../database/installAttemptQuery';

/** The zod instance the actions registry hands to schema builders. */
type RegistryZod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/**
 * The install attempt filters the actions take: a subset of the HTTP
 * routes' query parameters (service/attemptQueries.ts), typed for an AI
 * client (times as ISO 8601 strings).
 */
export function attemptFilterShape(z: RegistryZod) {
  const time = z.string().datetime({ offset: true });
  return {
    appSlug: z.string().max(100).optional(),
    channelSlug: z.string().max(100).optional(),
    customerId: z.string().max(100).optional(),
    installType: z.enum(['helm', 'linux']).optional(),
    appVersion: z.string().max(100).optional(),
    from: time.optional().describe('Attempts started at or after this time'),
    to: time.optional().describe('Attempts started before this time'),
  };
}

type AttemptFilterInput = {
  [K in keyof ReturnType<typeof attemptFilterShape>]?: string;
};

/** The filters of the store queries, times in epoch milliseconds. */
export function toAttemptFilters(
  input: AttemptFilterInput,
): InstallAttemptFilters {
  const { from, to, ...rest } = input;
  return {
    ...rest,
    from: from === undefined ? undefined : Date.parse(from),
    to: to === undefined ? undefined : Date.parse(to),
  };
}
