/*
 * The smoke test's walk through the reporting pages as a new user takes it:
 * guest sign-in and the catalog, the customer list, the demo customer's
 * report (clicked in the list) and its first instance (clicked in the
 * report) with the uptime range switched to 90 days.
 */

export const DEMO_CUSTOMER = 'Acme Corp';
export const REPORTING_PAGE_TESTS = [
  'guest sign-in opens the software catalog',
  `customer reporting page shows the demo customer "${DEMO_CUSTOMER}"`,
  `clicking "${DEMO_CUSTOMER}" opens its report with cards and instances`,
  'clicking the first instance opens its details; uptime switches to 90 days',
];
const [SIGN_IN, LIST, REPORT, INSTANCE] = REPORTING_PAGE_TESTS;

const visible = (locator, timeout = 60000) =>
  locator.waitFor({ state: 'visible', timeout });

/**
 * Runs the four tests in order, each skipped when the one it starts from
 * failed. `checks` comes from createPageChecks. Returns how far it got:
 * `{signedIn, reportUrl}` for the tests that start from there.
 */
export async function runReportingPageTests({
  page,
  frontendUrl,
  checks,
  record,
}) {
  const { attempts, withErrors, browserErrors } = checks;
  // `shoot` takes the screenshot of a passed test: by default the README's
  // window-sized one as well as the full page.
  async function step(
    name,
    precondition,
    screenshotName,
    fn,
    shoot = checks.reportingScreenshots,
  ) {
    const t0 = Date.now();
    try {
      if (precondition) throw new Error(`not run: ${precondition}`);
      await attempts(fn);
      await shoot(page, screenshotName);
      record(name, true, null, Date.now() - t0);
      return true;
    } catch (e) {
      if (!precondition) await checks.screenshot(page, screenshotName);
      record(name, false, withErrors(e), Date.now() - t0);
      return false;
    }
  }

  const signedIn = await step(
    SIGN_IN,
    null,
    'catalog.png',
    async () => {
      await page.goto(frontendUrl, {
        waitUntil: 'domcontentloaded',
        timeout: 120000,
      });
      const enter = page.getByRole('button', { name: /^enter$/i });
      await visible(enter, 120000);
      await enter.click();
      await page.waitForURL(/\/catalog/, { timeout: 60000 });
      // An example entity from examples/entities.yaml, listed once the catalog
      // has processed its locations.
      await visible(page.getByText('example-website').first(), 120000);
    },
    checks.screenshot,
  );

  const listShown = await step(
    LIST,
    !signedIn && 'guest sign-in failed',
    'customers.png',
    async () => {
      const errorsBefore = browserErrors.length;
      await page.goto(`${frontendUrl}/customer-reporting`, {
        waitUntil: 'domcontentloaded',
        timeout: 120000,
      });
      // The app signs the guest in again by itself (SignInPage `auto`);
      // click "Enter" should the sign-in page show anyway.
      const enter = page.getByRole('button', { name: /^enter$/i });
      const customer = page.getByText(DEMO_CUSTOMER).first();
      const notFound = page.getByText(/ERROR 404/i).first();
      await visible(enter.or(customer).or(notFound).first(), 90000);
      if (await enter.isVisible().catch(() => false)) {
        await enter.click();
        await visible(customer.or(notFound).first(), 90000);
      }
      if (await notFound.isVisible().catch(() => false)) {
        const e = new Error(
          '/customer-reporting shows the 404 page: the route is not in packages/app/src/App.tsx',
        );
        e.final = true;
        throw e;
      }
      await visible(customer, 30000);
      await visible(page.getByText(/^Showing \d+ of \d+$/), 30000);
      await checks.checkReportingPage(
        page,
        browserErrors,
        errorsBefore,
        'list',
      );
    },
  );

  let reportUrl;
  await step(
    REPORT,
    !listShown && 'the customer list failed',
    'customer-report.png',
    async attempt => {
      const errorsBefore = browserErrors.length;
      if (attempt > 1) await checks.gotoAndWait(page, '/customer-reporting');
      await page
        .getByRole('link', { name: DEMO_CUSTOMER, exact: true })
        .click({ timeout: 30000 });
      await page.waitForURL(/\/customer-reporting\/customers\/[^/?#]+$/, {
        timeout: 30000,
      });
      await visible(
        page.getByRole('heading', { name: DEMO_CUSTOMER, exact: true }),
      );
      // No "Install attempts": Acme Corp is on the Download Portal.
      for (const card of ['Manage customer', 'Time to install', 'Instances'])
        await visible(page.getByText(card, { exact: true }).first());
      // The demo fleet gives Acme Corp ready instances and a time to install.
      await visible(
        page.getByText(/^\d+ active · \d+ air gap · \d+ inactive$/),
      );
      await visible(
        page.locator('table[aria-label="Instances"] tbody tr').first(),
      );
      await visible(page.getByText('License time to install'), 30000);
      await checks.checkReportingPage(
        page,
        browserErrors,
        errorsBefore,
        'report',
      );
      reportUrl = page.url();
    },
  );

  await step(
    INSTANCE,
    !reportUrl && 'the customer report failed',
    'instance-details.png',
    async attempt => {
      const errorsBefore = browserErrors.length;
      if (attempt > 1)
        await checks.gotoAndWait(page, new URL(reportUrl).pathname);
      const firstRow = page
        .locator('table[aria-label="Instances"] tbody tr')
        .first();
      await visible(firstRow);
      const name = (await firstRow.locator('a').first().textContent()).trim();
      // The cloud cell, not the name link: the whole row opens the instance.
      await firstRow.locator('td').nth(5).click({ timeout: 30000 });
      await page.waitForURL(/\/customer-reporting\/instances\/[^/?#]+$/, {
        timeout: 30000,
      });
      await visible(page.getByRole('heading', { name, exact: true }));
      for (const card of ['Current state', 'Insights', 'Information'])
        await visible(page.getByText(card, { exact: true }).first());
      await visible(page.getByText('over the last 2 weeks'));
      const ninetyDays = page.getByRole('button', { name: '90 days' });
      await ninetyDays.click({ timeout: 30000 });
      await visible(page.getByText('over the last 90 days'));
      if ((await ninetyDays.getAttribute('aria-pressed')) !== 'true')
        throw new Error('the "90 days" range button is not shown as selected');
      await visible(
        page.getByRole('group', { name: /^Uptime in \d+ periods$/ }),
        30000,
      );
      await visible(
        page
          .getByRole('table', { name: 'Activity' })
          .or(page.getByText('No events yet'))
          .first(),
      );
      await checks.checkReportingPage(
        page,
        browserErrors,
        errorsBefore,
        'instance',
      );
    },
  );

  return { signedIn, reportUrl };
}
