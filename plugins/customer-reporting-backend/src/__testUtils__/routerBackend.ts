import { Knex } from 'knex';
import { mockCredentials } from '@backstage/backend-test-utils';
import { SERVICE_AUTH, startSeededBackend } from './testBackend';

/** The router runs on the real clock: data must be recent. */
export const anHourAgo = new Date(Date.now() - 3600_000).toISOString();

/**
 * The plugin in a test backend that sees requests as a real one does
 * (anonymous unless a header says otherwise) with a 100 kB body limit; the
 * test app and customer c1 are created through the API.
 */
export async function startRouterBackend(knex: Knex) {
  const server = await startSeededBackend(knex, {
    anonymous: true,
    config: { customerReporting: { ingest: { maxBodyBytes: 100_000 } } },
  });
  return {
    server,
    knex,
    service: SERVICE_AUTH,
    user: mockCredentials.user.header(),
  };
}
