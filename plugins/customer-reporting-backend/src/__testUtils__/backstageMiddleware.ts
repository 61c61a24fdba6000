import { LoggerService } from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';

/**
 * Backstage's root HTTP middleware (compression, error handler) as the
 * backend builds it, for tests of what the plugin's router puts before it.
 */
export function backstageMiddleware(
  logger: LoggerService = mockServices.logger.mock(),
) {
  return MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger,
  });
}
