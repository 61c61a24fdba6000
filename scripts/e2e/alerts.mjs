/*
 * End-to-end check of alerts (docs/alerts.md): the signed-in guest (in
 * alertAdmins in app-config.demo.yaml) creates a rule on the Alerts tab for
 * a customer of its own with itself as recipient; an instance of that
 * customer then reports `unavailable` 40 minutes ago through the ingest API
 * (local static token), which judges the rule right away; the notification
 * must show on Backstage's Notifications page, and the delivery on the
 * Alerts tab.
 */
import { ingest, putTestCustomer } from './ingest.mjs';

export const ALERTS_TESTS = [
  'alerts: a rule made on the Alerts tab notifies on the Notifications page',
];

const APP = 'e2e-alerts';
const CUSTOMER = 'e2e-alerts-customer';
const INSTANCE = 'e2e-alert-instance';
const GUEST = 'user:development/guest';
const EXPECTED = `E2E Alerts Inc: instance ${INSTANCE} is unavailable for 40 min`;

/** The app and customer the rule speaks of (no instance yet). */
async function ingestCustomer(backendUrl, now) {
  await ingest(backendUrl, 'PUT', `/v1/apps/${APP}`, {
    name: 'E2E Alerts',
    channels: [{ slug: 'stable', name: 'Stable', releases: [] }],
  });
  await putTestCustomer(backendUrl, CUSTOMER, {
    name: 'E2E Alerts Inc',
    appSlug: APP,
    createdAt: new Date(now - 30 * 86_400_000).toISOString(),
  });
}

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page
 * @param {string} o.frontendUrl
 * @param {string} o.backendUrl
 * @param {(name, ok, error, ms) => void} o.record
 * @param {(e: Error) => string} o.withErrors
 */
export async function runAlertsTests(o) {
  const { page, record, withErrors } = o;
  const t0 = Date.now();
  try {
    const now = Date.now();
    await ingestCustomer(o.backendUrl, now);

    await page.goto(`${o.frontendUrl}/customer-reporting/alerts`, {
      waitUntil: 'domcontentloaded',
    });
    await page
      .getByRole('button', { name: 'New rule' })
      .click({ timeout: 60000 });
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('E2E instance down');
    await dialog.getByLabel('Customer IDs').fill(CUSTOMER);
    await dialog
      .getByLabel('Recipients (user or group entity refs)')
      .fill(GUEST);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30000 });
    await page
      .getByRole('table', { name: 'Alert rules' })
      .getByText('E2E instance down')
      .waitFor({ timeout: 30000 });

    // The status change that breaks the rule: down for 40 minutes.
    await ingest(o.backendUrl, 'POST', '/v1/check-ins', {
      checkIns: [
        {
          instanceId: INSTANCE,
          customerId: CUSTOMER,
          at: new Date(now - 40 * 60_000).toISOString(),
          appStatus: 'unavailable',
        },
      ],
    });

    await page.goto(`${o.frontendUrl}/notifications`, {
      waitUntil: 'domcontentloaded',
    });
    await page.getByText(EXPECTED).first().waitFor({ timeout: 60000 });

    await page.goto(`${o.frontendUrl}/customer-reporting/alerts`, {
      waitUntil: 'domcontentloaded',
    });
    await page
      .getByRole('table', { name: 'Alert deliveries' })
      .getByText(EXPECTED)
      .waitFor({ timeout: 60000 });
    record(ALERTS_TESTS[0], true, null, Date.now() - t0);
  } catch (e) {
    record(ALERTS_TESTS[0], false, withErrors(e), Date.now() - t0);
  }
}
