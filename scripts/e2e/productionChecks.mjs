/*
 * Checks of the production build (scripts/e2e/production.mjs) that only
 * need its address: what a client of the running server sees.
 */
import { launchChromium } from './chromium.mjs';

/** Fetches `url` and fails unless it answers `status`. */
export async function expectStatus(url, status, init = {}) {
  const res = await fetch(url, init);
  const body = await res.text();
  if (res.status !== status) {
    throw new Error(
      `${init.method ?? 'GET'} ${url} answered ${
        res.status
      }, not ${status}: ${body.slice(0, 300)}`,
    );
  }
  return { res, body };
}

/** The built frontend: index.html and every script it loads. */
export async function checkFrontendServed(base) {
  const { res, body } = await expectStatus(`${base}/`, 200);
  if (!/text\/html/.test(res.headers.get('content-type') ?? ''))
    throw new Error(`/ is ${res.headers.get('content-type')}`);
  const scripts = [...body.matchAll(/src="([^"]+\.js)"/g)].map(m => m[1]);
  if (scripts.length === 0) throw new Error('index.html has no scripts');
  for (const src of scripts) {
    const js = await expectStatus(new URL(src, base).href, 200);
    if (!/javascript/.test(js.res.headers.get('content-type') ?? ''))
      throw new Error(`${src} is ${js.res.headers.get('content-type')}`);
  }
}

/**
 * The frontend boots in Chromium to its sign-in page, which shows the title
 * from the runtime configuration that app-backend injects into the bundle.
 */
export async function checkSignInPage(base, title, screenshotFile) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
    });
    const pageErrors = [];
    page.on('pageerror', e => pageErrors.push(e.message.split('\n')[0]));
    await page.goto(base, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page
      .getByText(title)
      .first()
      .waitFor({ state: 'visible', timeout: 60000 });
    await page.screenshot({ path: screenshotFile });
    if (pageErrors.length)
      throw new Error(`uncaught errors in the page: ${pageErrors.join('; ')}`);
  } finally {
    await browser.close();
  }
}

/** Ingests one app and one customer with the ingest token. */
export async function ingestSmokeCustomer(api, token) {
  const put = (pathname, body) =>
    expectStatus(`${api}${pathname}`, 200, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  await put('/v1/apps/prod-smoke', {
    name: 'Production Smoke',
    channels: [
      {
        slug: 'stable',
        name: 'Stable',
        releases: [
          {
            sequence: 1,
            versionLabel: '1.0.0',
            promotedAt: '2026-01-10T00:00:00Z',
          },
        ],
      },
    ],
  });
  await put('/v1/customers/prod-smoke-1', {
    name: 'Production Smoke Co',
    appSlug: 'prod-smoke',
    channelSlug: 'stable',
    email: 'ops@example.com',
    licenseType: 'paid',
    licenseId: 'lic-prod-smoke',
    createdAt: '2026-01-15T09:00:00Z',
    features: {
      gitops: false,
      airgap: false,
      identity: true,
      snapshots: true,
    },
  });
}
