/*
 * End-to-end tests of the catalog integration on the demo data (run by
 * scripts/e2e-smoke.mjs after its own flows, on the same page and portal):
 * customers are listed as catalog entities and filter by owner, a
 * component's page shows its Customers card with real numbers, and a
 * customer entity's tab shows its report, and the guest that signed in is
 * a catalog user in the demo's groups. Saves docs/images/catalog-customers.png.
 *
 * The catalog module publishes customers 15 s after the backend starts, and
 * the catalog then processes them; pages are reloaded until they show up.
 */

export const CATALOG_TESTS = [
  'catalog: customers are listed as entities and filter by owner',
  "catalog: a component's page shows its Customers card with real numbers",
  "catalog: a customer entity's tab shows its report",
  'catalog: the signed-in guest is a catalog user in the groups that own the demo customers',
];

const TIMEOUT = 90000;

/** Reloads `path` until `locator(page)` is visible, for up to TIMEOUT. */
async function showsEventually(page, frontendUrl, path, locator) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    await page.goto(`${frontendUrl}${path}`, { waitUntil: 'domcontentloaded' });
    try {
      await locator(page).first().waitFor({ state: 'visible', timeout: 10000 });
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
}

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page
 * @param {string | undefined} o.reportUrl the demo customer's report
 * @param {string} o.customerName
 * @param {string} o.frontendUrl
 * @param {(name, ok, error, ms) => void} o.record
 * @param {(e: Error) => string} o.withErrors
 * @param {(page, name: string) => Promise<void>} o.docsScreenshot
 */
export async function runCatalogTests(o) {
  const { page, reportUrl, customerName, frontendUrl, record, withErrors } = o;
  const run = async (index, fn) => {
    const t0 = Date.now();
    try {
      await fn();
      record(CATALOG_TESTS[index], true, null, Date.now() - t0);
    } catch (e) {
      record(CATALOG_TESTS[index], false, withErrors(e), Date.now() - t0);
    }
  };

  await run(0, async () => {
    const customers =
      '/catalog?filters%5Bkind%5D=resource&filters%5Btype%5D=customer&filters%5Buser%5D=all';
    await showsEventually(
      page,
      frontendUrl,
      `${customers}&filters%5Bowners%5D=customer-success`,
      p => p.getByRole('link', { name: customerName, exact: true }),
    );
    await o.docsScreenshot(page, 'catalog-customers.png');
    // Another owner owns none of them.
    await page.goto(`${frontendUrl}${customers}&filters%5Bowners%5D=guests`, {
      waitUntil: 'domcontentloaded',
    });
    await page
      .getByText('No records to display')
      .first()
      .waitFor({ timeout: 30000 });
    if (
      (await page
        .getByRole('link', { name: customerName, exact: true })
        .count()) > 0
    ) {
      throw new Error(`${customerName} is listed under another owner`);
    }
  });

  await run(1, async () => {
    await showsEventually(
      page,
      frontendUrl,
      '/catalog/default/component/nimbus-api',
      p => p.getByText(/^[1-9]\d* customers? runs? nimbus$/),
    );
    await page
      .getByRole('link', { name: customerName, exact: true })
      .first()
      .waitFor({ timeout: 30000 });
  });

  await run(2, async () => {
    if (!reportUrl) throw new Error('not run: the customer report failed');
    const customerId = decodeURIComponent(reportUrl.split('/').pop());
    const entity = `/catalog/default/resource/customer-${customerId.toLowerCase()}`;
    await showsEventually(page, frontendUrl, `${entity}/customer-report`, p =>
      p.getByText('Manage customer'),
    );
    await page.getByText(customerName).first().waitFor({ timeout: 30000 });
  });

  // The guest provider signs in user:development/guest; without that entity
  // the app's profile lookup logs a 404 and "My groups" is empty.
  await run(3, async () => {
    await showsEventually(
      page,
      frontendUrl,
      '/catalog/development/user/guest',
      p => p.getByRole('link', { name: 'customer-success' }),
    );
  });
}
