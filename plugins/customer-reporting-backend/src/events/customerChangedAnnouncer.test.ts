import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { CUSTOMER_CHANGED_TOPIC } from '@customer-reporting/plugin-customer-reporting-common';
import { createCustomerChangedAnnouncer } from './customerChangedAnnouncer';

const server = setupServer();
registerMswTestHooks(server);

describe('createCustomerChangedAnnouncer', () => {
  it('without an events backend warns once for 40 changed customers, and local subscribers hear every one', async () => {
    let eventsBackendRequests = 0;
    server.use(
      http.all('http://localhost:0/api/events/*', () => {
        eventsBackendRequests += 1;
        return new HttpResponse(null, { status: 404 });
      }),
    );
    const logger = mockServices.logger.mock();
    const bus = DefaultEventsService.create({ logger });
    const heard: string[] = [];
    await bus.subscribe({
      id: 'catalog',
      topics: [CUSTOMER_CHANGED_TOPIC],
      onEvent: async ({ eventPayload }) => {
        heard.push((eventPayload as { customerId: string }).customerId);
      },
    });
    const events = bus.forPlugin('customer-reporting', {
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      logger,
      lifecycle: mockServices.lifecycle.mock(),
    });
    const announce = createCustomerChangedAnnouncer(events, logger);

    const customers = Array.from({ length: 40 }, (_, i) => `c${i}`);
    await Promise.all(customers.map(announce));

    expect(heard).toEqual(customers);
    expect(eventsBackendRequests).toBe(1);
    const warnings = logger.warn.mock.calls.map(([message]) => message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/events backend not found/);
  });
});
