/**
 * The adopter test's browser part (scripts/e2e/adopter.mjs): in the freshly
 * scaffolded app, opens the customer list, a customer report, that
 * customer's catalog entity and the Customers card of the component the
 * README annotates, then checks the app log for a warning storm.
 */
import { launchChromium } from './chromium.mjs';

const DEMO_CUSTOMER = 'Acme Corp';

/**
 * `appOutput()` returns the app's log so far; `record(name, ok, error)`
 * counts a check; `log` prints a line.
 */
export async function browseAdopterApp({
  frontendUrl,
  appOutput,
  record,
  log,
}) {
  const browser = await launchChromium();
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 800 } })
  ).newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  const opened = [];
  // Waits for what a page shows, reloading while the backend fills in
  // (demo data, catalog processing); signs the guest in when asked.
  const open = async (name, url, shown, timeoutMs = 240_000) => {
    const t0 = Date.now();
    let lastError;
    while (Date.now() - t0 < timeoutMs) {
      try {
        await page.goto(url, {
          waitUntil: 'domcontentloaded',
          timeout: 180_000,
        });
        const enter = page.getByRole('button', { name: /^enter$/i });
        const target = shown(page);
        await target.or(enter).first().waitFor({ timeout: 60_000 });
        if (await enter.isVisible()) {
          await enter.click();
          await target.first().waitFor({ timeout: 60_000 });
        }
        opened.push(`${name}: ${page.url()} (${Date.now() - t0} ms)`);
        record(`opens ${name}`, true);
        return;
      } catch (error) {
        lastError = error;
        await page.waitForTimeout(5000);
      }
    }
    record(`opens ${name}`, false, lastError);
    throw new Error(`${name} at ${url}: ${lastError}\n${errors.join('\n')}`);
  };
  // Every entity an entity page relates to exists (its owner, what it
  // depends on) once the catalog has processed them: no "Entities not
  // found" warning within two minutes.
  const noMissingEntities = async name => {
    const t0 = Date.now();
    for (;;) {
      const warning = page.getByText(/Entities not found/).first();
      if (!(await warning.isVisible())) return;
      if (Date.now() - t0 > 120_000)
        throw new Error(`${name}: ${await warning.innerText()}`);
      await page.waitForTimeout(5000);
      await page.reload({ waitUntil: 'domcontentloaded' });
      // Both pages have an About card; their relations load right after it.
      await page.getByText('About').first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(3000);
    }
  };
  try {
    await open('the customer list', `${frontendUrl}/customer-reporting`, p =>
      p.getByRole('link', { name: DEMO_CUSTOMER, exact: true }),
    );
    await page.getByRole('link', { name: DEMO_CUSTOMER, exact: true }).click();
    await page
      .getByText('Manage customer')
      .first()
      .waitFor({ timeout: 60_000 });
    await page
      .getByText('Time to install')
      .first()
      .waitFor({ timeout: 60_000 });
    opened.push(`a customer report: ${page.url()}`);
    record(`opens the report of ${DEMO_CUSTOMER}`, true);
    // The catalog module's entity of that customer, with its report tab and
    // an owner that exists in a fresh app (no "Entities not found").
    const customerId = decodeURIComponent(page.url().split('/').pop());
    await open(
      `the catalog entity of ${DEMO_CUSTOMER}`,
      `${frontendUrl}/catalog/default/resource/customer-${customerId.toLowerCase()}`,
      p => p.getByRole('link', { name: 'customer-success' }),
    );
    await page
      .getByText('Customer report')
      .first()
      .waitFor({ timeout: 30_000 });
    await noMissingEntities('the customer entity');
    await open(
      "the annotated component's Customers card",
      `${frontendUrl}/catalog/default/component/nimbus-api`,
      p => p.getByText(/^[1-9]\d* customers? runs? nimbus$/),
    );
    await noMissingEntities('the component page');
  } finally {
    await browser.close();
    for (const line of opened) log(`opened ${line}`);
  }
  const warnings = appOutput()
    .split('\n')
    .filter(l => /events backend not found/.test(l));
  log(`"events backend not found" lines in the app log: ${warnings.length}`);
  record(
    'no warning storm without an events backend (≤ one line per subscriber or publisher)',
    warnings.length <= 4,
    warnings.length > 4 ? warnings.join('\n') : undefined,
  );
}
