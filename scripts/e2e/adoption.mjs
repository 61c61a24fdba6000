/*
 * End-to-end check of the Adoption tab (docs/adoption.md): a hand-made
 * fleet of an app of its own is sent through the ingest API with the local
 * static token — releases promoted on known days before now, five instances
 * upgrading on known days — and the tab must show its shares: 60% on the
 * latest release, 20% one behind, 20% three or more behind, in the chart's
 * accessible name and in its table, and the three releases of the range.
 */
import { ingest, putTestCustomer } from './ingest.mjs';

export const ADOPTION_TESTS = [
  'adoption: the Adoption tab shows the shares of a hand-made fleet',
];

const APP = 'e2e-adoption';
const CUSTOMER = 'e2e-adoption-customer';
const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Days before now each release was promoted (3 h before that day's
 * check-ins), and from which day before now each instance ran which
 * release (by sequence); every instance checks in daily until an hour ago.
 */
const RELEASES = [
  ['0.9.0', 40],
  ['1.0.0', 20],
  ['1.1.0', 10],
  ['1.2.0', 5],
];
const FLEET = {
  'adopt-1': { 25: 0, 20: 1, 10: 2, 5: 3 }, // latest
  'adopt-2': { 25: 0, 18: 1, 3: 3 }, // latest
  'adopt-3': { 25: 0, 9: 2 }, // 1 behind
  'adopt-4': { 25: 0 }, // 3 behind
  'adopt-5': { 4: 3 }, // joins late, latest
};
export const EXPECTED_SHARES =
  'Latest 60%, 1 behind 20%, 2 behind 0%, 3+ behind 20%';

/** Sends the app, its customer and the fleet's daily check-ins. */
export async function ingestAdoptionFleet(backendUrl, now = Date.now()) {
  const iso = ms => new Date(ms).toISOString();
  await ingest(backendUrl, 'PUT', `/v1/apps/${APP}`, {
    name: 'E2E Adoption',
    channels: [
      {
        slug: 'stable',
        name: 'Stable',
        releases: RELEASES.map(([versionLabel, daysAgo], sequence) => ({
          sequence,
          versionLabel,
          promotedAt: iso(now - daysAgo * DAY - 3 * HOUR),
        })),
      },
    ],
  });
  await putTestCustomer(backendUrl, CUSTOMER, {
    name: 'Adoption Fleet Inc',
    appSlug: APP,
    createdAt: iso(now - 60 * DAY),
  });
  const checkIns = Object.entries(FLEET).flatMap(([instanceId, plan]) => {
    const first = Math.max(...Object.keys(plan).map(Number));
    let sequence = plan[first];
    const items = [];
    for (let daysAgo = first; daysAgo >= 0; daysAgo--) {
      sequence = plan[daysAgo] ?? sequence;
      items.push({
        instanceId,
        customerId: CUSTOMER,
        at: iso(now - daysAgo * DAY - HOUR),
        appStatus: 'ready',
        appVersion: RELEASES[sequence][0],
        releaseSequence: sequence,
      });
    }
    return items;
  });
  await ingest(backendUrl, 'POST', '/v1/check-ins', { checkIns });
}

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page
 * @param {string} o.frontendUrl
 * @param {string} o.backendUrl
 * @param {(name, ok, error, ms) => void} o.record
 * @param {(e: Error) => string} o.withErrors
 */
export async function runAdoptionTests(o) {
  const { page, record, withErrors } = o;
  const t0 = Date.now();
  try {
    await ingestAdoptionFleet(o.backendUrl);
    await page.goto(
      `${o.frontendUrl}/customer-reporting/adoption?appSlug=${APP}&range=30d`,
      { waitUntil: 'domcontentloaded' },
    );
    const chart = page.getByRole('img', {
      name: /^Share of active instances by versions behind:/,
    });
    await chart.waitFor({ timeout: 60000 });
    const label = await chart.getAttribute('aria-label');
    if (!label.endsWith(`latest period: ${EXPECTED_SHARES}`))
      throw new Error(`the share chart says "${label}"`);
    await page.getByRole('button', { name: 'Show as table' }).first().click();
    const lastRow = await page
      .getByRole('table', {
        name: 'Share of active instances by versions behind',
      })
      .locator('tbody tr')
      .last()
      .innerText();
    if (!/60%\s+20%\s+0%\s+20%\s+0%$/.test(lastRow.trim()))
      throw new Error(`the table's last day reads "${lastRow}"`);
    const releases = await page
      .getByRole('table', { name: 'Days to half adoption per release' })
      .locator('tbody tr')
      .allInnerTexts();
    const labels = releases.map(row => row.split(/\s/)[0]);
    if (labels.join(',') !== '1.0.0,1.1.0,1.2.0')
      throw new Error(`releases in range: ${labels.join(', ')}`);
    record(ADOPTION_TESTS[0], true, null, Date.now() - t0);
  } catch (e) {
    record(ADOPTION_TESTS[0], false, withErrors(e), Date.now() - t0);
  }
}
