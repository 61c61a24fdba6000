/*
 * End-to-end check that data shows as text, never as markup: a customer
 * whose name, instance tag and install failure reason contain HTML is sent
 * through the ingest API with the static token (as an external system
 * would), then its report must show those strings literally, with no element
 * injected and no script run.
 */
import { ingest, putTestCustomer } from './ingest.mjs';

export const RENDERING_TESTS = [
  'rendering: HTML in names, tags and reasons shows as text',
];

const PAYLOAD = '<img src=x onerror="window.__injected=1"><b>Evil</b> Corp';

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page
 * @param {string} o.frontendUrl
 * @param {string} o.backendUrl
 * @param {(name, ok, error, ms) => void} o.record
 * @param {(e: Error) => string} o.withErrors
 */
export async function runRenderingTests(o) {
  const { page, record, withErrors } = o;
  const t0 = Date.now();
  try {
    const at = new Date(Date.now() - 3600_000).toISOString();
    await putTestCustomer(o.backendUrl, 'html-test', {
      name: PAYLOAD,
      appSlug: 'nimbus',
      licenseType: 'trial',
      // Install attempts show on the report with the Enterprise Portal.
      enterprisePortalEnabled: true,
      createdAt: at,
    });
    await ingest(o.backendUrl, 'POST', '/v1/check-ins', {
      checkIns: [
        {
          instanceId: 'html-instance',
          customerId: 'html-test',
          at,
          appStatus: 'ready',
          tags: {
            name: '<i>prod</i>',
            team: '<script>window.__injected=2</script>',
          },
        },
      ],
    });
    await ingest(o.backendUrl, 'POST', '/v1/install-attempt-events', {
      events: [
        {
          attemptId: 'html-attempt',
          customerId: 'html-test',
          type: 'started',
          at,
          installType: 'helm',
        },
        {
          attemptId: 'html-attempt',
          customerId: 'html-test',
          type: 'failed',
          at,
          reason: '<a href="javascript:alert(1)">click</a> failed',
        },
      ],
    });
    await page.goto(`${o.frontendUrl}/customer-reporting/customers/html-test`, {
      waitUntil: 'domcontentloaded',
    });
    await page
      .getByText(PAYLOAD, { exact: true })
      .first()
      .waitFor({ timeout: 60000 });
    await page.getByText('<i>prod</i>').first().waitFor({ timeout: 30000 });
    // Expanding the failed attempt shows its reason.
    await page
      .getByRole('button', { name: 'Show install steps' })
      .first()
      .click();
    await page
      .getByText('<a href="javascript:alert(1)">click</a> failed')
      .first()
      .waitFor({ timeout: 30000 });
    const injected = await page.evaluate(() => ({
      script: window.__injected,
      img: document.querySelectorAll('img[src="x"]').length,
      bold: [...document.querySelectorAll('b')].some(
        b => b.textContent === 'Evil',
      ),
      link: document.querySelectorAll('a[href^="javascript:"]').length,
    }));
    if (
      injected.script !== undefined ||
      injected.img ||
      injected.bold ||
      injected.link
    ) {
      throw new Error(
        `markup from data was rendered: ${JSON.stringify(injected)}`,
      );
    }
    record(RENDERING_TESTS[0], true, null, Date.now() - t0);
  } catch (e) {
    record(RENDERING_TESTS[0], false, withErrors(e), Date.now() - t0);
  }
}
