/*
 * End-to-end check of archiving an instance from its page: a customer with
 * an inactive and an active instance is sent through the ingest API with
 * the static token; the signed-in guest (an `instanceArchivers` member in
 * the demo) archives the inactive one, which the report then hides and
 * counts as archived, and finds the active one's button disabled with the
 * rule as its description and in the tooltip of its info icon.
 */
import { ingest, putTestCustomer } from './ingest.mjs';

export const ARCHIVING_TESTS = [
  'archiving: an inactive instance is archived from its page and hidden from the report; an active one may not be',
];

const TIMEOUT = 60000;
const RULE =
  'Only inactive, air gap or development-license instances may be archived.';

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page
 * @param {string} o.frontendUrl
 * @param {string} o.backendUrl
 * @param {(name, ok, error, ms) => void} o.record
 * @param {(e: Error) => string} o.withErrors
 */
export async function runArchivingTests(o) {
  const { page, record, withErrors } = o;
  const t0 = Date.now();
  try {
    const hoursAgo = h => new Date(Date.now() - h * 3600_000).toISOString();
    await putTestCustomer(o.backendUrl, 'archive-test', {
      name: 'Archive Test Co',
      appSlug: 'nimbus',
      createdAt: hoursAgo(72),
    });
    await ingest(o.backendUrl, 'POST', '/v1/check-ins', {
      checkIns: [
        // Last heard from two days ago: inactive.
        {
          instanceId: 'archive-old',
          customerId: 'archive-test',
          at: hoursAgo(48),
          appStatus: 'ready',
          tags: { name: 'old-staging' },
        },
        {
          instanceId: 'archive-live',
          customerId: 'archive-test',
          at: hoursAgo(1),
          appStatus: 'ready',
          tags: { name: 'production' },
        },
      ],
    });
    const instancePage = id =>
      page.goto(`${o.frontendUrl}/customer-reporting/instances/${id}`, {
        waitUntil: 'domcontentloaded',
      });

    await instancePage('archive-live');
    const live = page.getByRole('button', { name: 'Archive instance' });
    await live.waitFor({ state: 'visible', timeout: TIMEOUT });
    if (await live.isEnabled())
      throw new Error('the active instance could be archived');
    // The rule is the button's accessible description (a hidden element)
    // and the tooltip of the info icon next to it, not a sentence on the card.
    const reasonId = await live.getAttribute('aria-describedby');
    const reason = reasonId
      ? await page.locator(`[id="${reasonId}"]`).textContent()
      : null;
    if (reason !== RULE)
      throw new Error(`the disabled button is described as ${reason}`);
    await page.getByTestId('disabled-reason-icon').hover();
    await page
      .getByRole('tooltip')
      .filter({ hasText: RULE })
      .waitFor({ timeout: TIMEOUT });

    await instancePage('archive-old');
    await page
      .getByRole('button', { name: 'Archive instance' })
      .click({ timeout: TIMEOUT });
    await page
      .getByRole('button', { name: 'Unarchive instance' })
      .waitFor({ state: 'visible', timeout: TIMEOUT });
    await page
      .getByText('Archived', { exact: true })
      .first()
      .waitFor({ timeout: TIMEOUT });

    await page.goto(
      `${o.frontendUrl}/customer-reporting/customers/archive-test`,
      {
        waitUntil: 'domcontentloaded',
      },
    );
    await page
      .getByRole('checkbox', { name: 'Show archived (1)' })
      .waitFor({ timeout: TIMEOUT });
    await page.getByText('production').first().waitFor({ timeout: TIMEOUT });
    if ((await page.getByText('old-staging').count()) > 0)
      throw new Error(
        'the archived instance is listed without "Show archived"',
      );
    record(ARCHIVING_TESTS[0], true, null, Date.now() - t0);
  } catch (e) {
    record(ARCHIVING_TESTS[0], false, withErrors(e), Date.now() - t0);
  }
}
