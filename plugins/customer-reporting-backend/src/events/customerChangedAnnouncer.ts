import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { CUSTOMER_CHANGED_TOPIC } from '@customer-reporting/plugin-customer-reporting-common';

/**
 * Announces changed customers on the events service one at a time, without
 * making the caller wait. Without an events backend the first publish learns
 * so (the events service logs one warning and stays on this process's local
 * bus, where a catalog module in the same process still hears it); publishing an ingest's
 * customers at once would log that warning once per customer instead.
 */
export function createCustomerChangedAnnouncer(
  events: EventsService,
  logger: LoggerService,
): (customerId: string) => Promise<void> {
  let queue = Promise.resolve();
  return customerId => {
    queue = queue.then(() =>
      events
        .publish({
          topic: CUSTOMER_CHANGED_TOPIC,
          eventPayload: { customerId },
        })
        .catch(error =>
          logger.warn(`Could not announce customer ${customerId}: ${error}`),
        ),
    );
    return queue;
  };
}
