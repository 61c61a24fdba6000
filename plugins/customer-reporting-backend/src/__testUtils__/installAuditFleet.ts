import { Knex } from 'knex';
import { AuditQuery } from '../database/DatabaseInstallAuditStore';
import { createTestIngest, TEST_NOW, testCustomer } from './fixtures';

type Event = Record<string, unknown>;
const attempt = (
  attemptId: string,
  customerId: string,
  installType: string,
  events: [string, string, Event?][],
): Event[] =>
  events.map(([type, at, extra], i) => ({
    attemptId,
    customerId,
    type,
    at: `2024-${at}:00Z`,
    ...(i === 0 ? { installType } : {}),
    ...extra,
  }));

/**
 * A constructed fleet of eight attempts of two customers (c1, c2) with known
 * answers: the install audit, attempt list and time-to-install tests check them.
 */
export const AUDIT_EVENTS = [
  ...attempt('h1', 'c1', 'helm', [
    ['started', '06-17T10:00'],
    ['step', '06-17T10:05', { step: 'registry-login' }],
    ['step', '06-17T10:10', { step: 'images-pulled' }],
    ['completed', '06-17T10:20'],
  ]),
  ...attempt('h2', 'c1', 'helm', [
    ['started', '06-18T11:00'],
    ['step', '06-18T11:05', { step: 'registry-login' }],
    ['completed', '06-18T11:40'],
  ]),
  ...attempt('h3', 'c2', 'helm', [
    ['started', '06-19T09:00'],
    ['step', '06-19T09:05', { step: 'registry-login' }],
    [
      'failed',
      '06-19T09:30',
      { step: 'images-pulled', reason: 'ImagePullBackOff for "a:1" after 30s' },
    ],
  ]),
  ...attempt('h4', 'c2', 'helm', [
    ['started', '06-24T09:00'],
    ['step', '06-24T09:05', { step: 'registry-login' }],
    [
      'failed',
      '06-24T09:40',
      { step: 'images-pulled', reason: 'imagepullbackoff for "b:2" after 45s' },
    ],
  ]),
  ...attempt('h5', 'c1', 'helm', [
    ['started', '06-25T09:00'],
    ['step', '06-25T09:05', { step: 'registry-login' }],
  ]),
  ...attempt('l1', 'c1', 'linux', [
    ['started', '06-26T09:00'],
    ['step', '06-26T09:30', { step: 'assets-downloaded' }],
    ['completed', '06-26T10:00'],
  ]),
  ...attempt('l2', 'c2', 'linux', [['started', '07-02T11:50']]),
  ...attempt('l3', 'c2', 'linux', [
    ['started', '06-27T09:00'],
    ['discarded', '06-27T09:10'],
  ]),
];

/** A migrated database holding AUDIT_EVENTS, and the audit query for TEST_NOW. */
export async function setupAuditFleet(knex: Knex) {
  const { stores, ingest } = await createTestIngest(knex);
  await ingest.putCustomer(
    'c2',
    testCustomer({ name: 'Globex', licenseId: 'lic-g' }),
  );
  await ingest.ingestInstallAttemptEvents({ events: AUDIT_EVENTS });
  const query = (filters: AuditQuery['filters'] = {}): AuditQuery => ({
    filters,
    asOf: TEST_NOW,
    stalledAfterMs: 3600_000,
  });
  return { knex, stores, ingest, query };
}
