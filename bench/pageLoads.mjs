/*
 * Timing one page of the production build in Chromium for bench/pages.mjs:
 * the four pages and what shows once their data arrived, cold and warm
 * loads, and what each load fetched (Performance API).
 */
import { latencyStats } from './measure.mjs';

/** The four pages and what shows only once their data arrived. */
export function pagesOf(fleet) {
  const instance = fleet.instances.find(i => i.customer.id === 'probe-50');
  return [
    {
      name: 'customers list',
      path: '/customer-reporting',
      ready: {
        css: 'h1,h2,h3,h4,h5,h6,p,span',
        text: '^Showing \\d+ of \\d+$',
      },
    },
    {
      name: 'customer report (probe-50, 50 instances)',
      path: '/customer-reporting/customers/probe-50',
      ready: { css: 'table[aria-label="Instances"] tbody tr a' },
    },
    {
      name: 'instance page (of probe-50)',
      path: `/customer-reporting/instances/${instance.id}`,
      ready: { css: 'dt', text: '^Last check-in$' },
    },
    {
      name: 'fleet install audit',
      path: '/customer-reporting/install-attempts',
      ready: { css: 'dl[aria-label="Install attempt summary"] dd' },
    },
  ];
}

/** In the page: ms since navigation start once `ready` is visible, else false. */
function readyAt({ css, text }) {
  const re = text && new RegExp(text);
  for (const el of document.querySelectorAll(css))
    if ((!re || re.test(el.textContent.trim())) && el.getClientRects().length)
      return performance.now();
  return false;
}

/**
 * In the page, once the content showed: the scripts it fetched (count and
 * bytes, and when the last arrived) and when its customer-reporting API
 * requests started and ended, in ms since navigation start.
 */
function loadFigures() {
  const resources = performance.getEntriesByType('resource');
  const scripts = resources.filter(e => e.initiatorType === 'script');
  const data = resources.filter(e =>
    e.name.includes('/api/customer-reporting/'),
  );
  const sum = key => scripts.reduce((n, e) => n + e[key], 0);
  return {
    js: {
      files: scripts.length,
      encoded: sum('encodedBodySize'),
      decoded: sum('decodedBodySize'),
      transferred: sum('transferSize'),
    },
    scriptsEnd: Math.max(0, ...scripts.map(e => e.responseEnd)),
    dataStart: Math.min(...data.map(e => e.startTime)),
    dataEnd: Math.max(...data.map(e => e.responseEnd)),
    dataRequests: data.map(e => ({
      path: e.name.slice(e.name.indexOf('/api/customer-reporting/') + 23),
      start: Math.round(e.startTime),
      end: Math.round(e.responseEnd),
    })),
  };
}

async function timeLoad(page, spec, navigate) {
  await navigate();
  try {
    const handle = await page.waitForFunction(readyAt, spec.ready, {
      polling: 'raf',
      timeout: 60000,
    });
    return {
      ms: await handle.jsonValue(),
      ...(await page.evaluate(loadFigures)),
    };
  } catch (e) {
    const text = await page.evaluate(() => document.body.innerText);
    throw new Error(
      `${spec.name}: ${e.message}\npage shows: ${text.slice(0, 500)}`,
    );
  }
}

/** A context that signs the guest in by itself (the SignInPage's remembered provider). */
async function signedInContext(browser) {
  const context = await browser.newContext();
  await context.addInitScript(() =>
    localStorage.setItem('@backstage/core:SignInPage:provider', 'guest'),
  );
  return context;
}

/** `loads` cold and `loads` warm loads of `spec` on `baseUrl`. */
export async function timePage(browser, baseUrl, spec, loads) {
  const url = `${baseUrl}${spec.path}`;
  const cold = [];
  for (let i = 0; i < loads; i++) {
    const context = await signedInContext(browser);
    const page = await context.newPage();
    cold.push(
      await timeLoad(page, spec, () => page.goto(url, { waitUntil: 'commit' })),
    );
    await context.close();
  }
  const context = await signedInContext(browser);
  const page = await context.newPage();
  await timeLoad(page, spec, () => page.goto(url, { waitUntil: 'commit' }));
  const warm = [];
  for (let i = 0; i < loads; i++)
    warm.push(
      await timeLoad(page, spec, () => page.reload({ waitUntil: 'commit' })),
    );
  await context.close();
  const p50 = (loads, key) => latencyStats(loads.map(l => l[key])).p50;
  const stats = loads => ({
    ...latencyStats(loads.map(l => l.ms)),
    ms: loads.map(l => Math.round(l.ms)),
    // Where the time goes (p50 of each, ms since navigation start).
    scriptsEnd: p50(loads, 'scriptsEnd'),
    dataStart: p50(loads, 'dataStart'),
    dataEnd: p50(loads, 'dataEnd'),
    // Each request of the first load: path, start and end.
    dataRequests: loads[0].dataRequests,
  });
  return {
    name: spec.name,
    path: spec.path,
    cold: stats(cold),
    warm: stats(warm),
    coldScripts: cold[0].js,
    warmScripts: warm[0].js,
  };
}
