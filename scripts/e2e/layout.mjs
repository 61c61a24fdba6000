/*
 * End-to-end walk of the reporting pages at three window sizes (run by
 * scripts/e2e-smoke.mjs after its other flows, on the same page and portal):
 * customer list → "Acme Corp"'s report → its first instance → the install
 * attempt audit (fleet) → the report of the newest attempt's customer (its
 * install attempts) → the data sources → a component's catalog page (its
 * Customers card), at 1280×800, 1920×1080 and 768×1024. On every page:
 *   - no table cell breaks a word across two lines: each word of each text
 *     node in a cell is measured with Range.getClientRects(), and a word
 *     whose characters sit on two lines fails ("Linu x", a split email),
 *     unless it is wider than its cell and the cell wraps anywhere (a long
 *     Kubernetes name on the Resources card);
 *   - a date or time (<time>) wraps, if at all, only between the date and
 *     the time of day ('Nov 30, 2026,' / '10:25 AM'), never leaving 'AM'
 *     or the year alone on a line;
 *   - text cut off with an ellipsis carries a tooltip (a title);
 *   - the page is no wider than the window (narrow tables scroll inside
 *     their card instead), and the pages checked with `fits` (the plugin's:
 *     the customer list, the reports, the instance page, the install attempt
 *     audit, the data sources) have no region in main that scrolls sideways
 *     (narrow layouts hide columns);
 *   - axe (@axe-core/playwright, WCAG 2 A/AA rules) finds no serious or
 *     critical violation.
 * Screenshots of the window go to test-results/e2e/layout/, and the narrow
 * customer report to docs/images/customer-report-768.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';

export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 768, height: 1024 },
];

const size = v => `${v.width}×${v.height}`;

export const LAYOUT_TESTS = VIEWPORTS.map(
  v =>
    `layout at ${size(
      v,
    )}: list → customer → instance → fleet audit → catalog; no word broken in a table cell, no serious axe violation`,
);

const TIMEOUT = 60000;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs in the browser: every word of a table cell that the layout broke
 * over two lines, and every ellipsis-truncated element without a tooltip.
 * A word is a run of non-space characters of one text node; a break right
 * after a hyphen or slash is a legitimate line break, not a broken word,
 * and so is any break of a word wider than its cell where the cell wraps
 * anywhere (overflow-wrap: anywhere).
 */
function findLayoutProblems() {
  const broken = [];
  const untitled = [];
  const lineTops = range => {
    const tops = new Set();
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0) tops.add(Math.round(rect.top));
    }
    return [...tops].sort((a, b) => a - b);
  };
  // A word wider than its cell's content in a cell that asks to wrap
  // anywhere (a Kubernetes name with no hyphen or slash): breaking it is
  // the alternative to a table scrolling sideways, not a layout mistake.
  const longerThanItsCell = (cell, node, match) => {
    if (getComputedStyle(node.parentElement).overflowWrap !== 'anywhere')
      return false;
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    let width = 0;
    for (const rect of range.getClientRects()) width += rect.width;
    const style = getComputedStyle(cell);
    const content =
      cell.clientWidth -
      parseFloat(style.paddingLeft) -
      parseFloat(style.paddingRight);
    return width > content;
  };
  for (const cell of document.querySelectorAll('table td, table th')) {
    if (!cell.getClientRects().length) continue; // not rendered
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = lineTops(range);
        if (tops.length < 2) continue;
        // Where does the second line start? A break after '-' or '/' is fine.
        let breakAt = -1;
        for (let i = 1; i < match[0].length && breakAt < 0; i++) {
          range.setStart(node, match.index + i);
          range.setEnd(node, match.index + i + 1);
          const top = lineTops(range)[0];
          if (top !== undefined && top > tops[0] + 1) breakAt = i;
        }
        const before = match[0][breakAt - 1];
        if (breakAt > 0 && (before === '-' || before === '/')) continue;
        if (longerThanItsCell(cell, node, match)) continue;
        broken.push(
          `"${match[0]}" in "${cell.textContent.trim().slice(0, 80)}"`,
        );
      }
    }
  }
  // A <time>'s parts: the date up to the last comma, the time of day after.
  const splitTimes = [];
  for (const time of document.querySelectorAll('main time')) {
    const node = time.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const text = node.textContent;
    const at = text.lastIndexOf(', ');
    const parts =
      at < 0
        ? [[0, text.length]]
        : [
            [0, at + 1],
            [at + 2, text.length],
          ];
    for (const [start, end] of parts) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      if (lineTops(range).length > 1) {
        splitTimes.push(`"${text.trim()}"`);
        break;
      }
    }
  }
  for (const el of document.querySelectorAll('main *')) {
    const style = getComputedStyle(el);
    if (style.textOverflow !== 'ellipsis') continue;
    if (el.scrollWidth <= el.clientWidth + 1) continue;
    if (el.closest('[title], [aria-describedby]')) continue;
    untitled.push(`"${el.textContent.trim().slice(0, 80)}"`);
  }
  return { broken, untitled, splitTimes };
}

/**
 * Opens a path and waits for `ready`; the app signs the guest in again by
 * itself after a reload, but click "Enter" should the sign-in page show.
 */
async function open(page, url, ready) {
  // In the app when it is loaded: a reload signs the guest in again, which
  // is slow and, right after another sign-in, sometimes refused.
  const inApp = await page
    .evaluate(() =>
      Boolean(document.querySelector('[data-backstage-core-page], main')),
    )
    .catch(() => false);
  if (inApp) {
    const { pathname, search } = new URL(url);
    await page.evaluate(to => {
      window.history.pushState({}, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `${pathname}${search}`);
    await ready.waitFor({ state: 'visible', timeout: TIMEOUT });
    return;
  }
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const enter = page.getByRole('button', { name: /^enter$/i });
  await ready.or(enter).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  if (await enter.isVisible().catch(() => false)) await enter.click();
  await ready.waitFor({ state: 'visible', timeout: TIMEOUT });
}

/**
 * Runs in the browser: the regions in main that scroll sideways (a table
 * wider than its card), but for Backstage's own scrolling header tabs.
 */
function findSideScrolling() {
  const found = [];
  for (const el of document.querySelectorAll('main *')) {
    if (!['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) continue;
    // Dev builds suffix MUI's class names (MuiTabs-root-780): match the start.
    if (el.closest('[role="tablist"], [class*="MuiTabs-root"]')) continue;
    if (el.scrollWidth > el.clientWidth + 1)
      found.push(
        `${el.getAttribute('aria-label') ?? el.tagName} (${el.scrollWidth} > ${
          el.clientWidth
        } px)`,
      );
  }
  return found;
}

async function checkPage(page, what, axeExclude = [], fits = false) {
  // Loading indicators come and go: the catalog graph card, for one, shows
  // a spinner again when it re-fetches. Check only after none has shown
  // for a whole second, not at the first moment without one.
  await page.evaluate(() => {
    window.quietSince = undefined;
  });
  await page.waitForFunction(
    () => {
      const now = performance.now();
      if (document.querySelector('[role="progressbar"]')) {
        window.quietSince = undefined;
        return false;
      }
      window.quietSince ??= now;
      return now - window.quietSince >= 1000;
    },
    null,
    { timeout: TIMEOUT, polling: 100 },
  );
  const problems = [];
  const { broken, untitled, splitTimes } = await page.evaluate(
    findLayoutProblems,
  );
  if (broken.length)
    problems.push(`words broken inside a table cell: ${broken.join('; ')}`);
  if (splitTimes.length)
    problems.push(
      `dates or times wrapped inside the date or the time of day: ${splitTimes.join(
        '; ',
      )}`,
    );
  if (untitled.length)
    problems.push(`truncated text without a tooltip: ${untitled.join('; ')}`);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth)
    problems.push(
      `the page overflows horizontally: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`,
    );
  // Pages whose tables were made to fit their card must not scroll sideways.
  if (fits) {
    const scrolling = await page.evaluate(findSideScrolling);
    if (scrolling.length)
      problems.push(`content scrolls sideways: ${scrolling.join('; ')}`);
  }
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of axeExclude) builder = builder.exclude(selector);
  const axe = await builder.analyze();
  const serious = axe.violations.filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
  for (const v of serious) {
    const targets = v.nodes
      .slice(0, 3)
      .map(n => n.target.join(' '))
      .join(', ');
    problems.push(
      `axe ${v.impact}: ${v.id} (${v.help}) on ${
        v.nodes.length
      } element(s), e.g. ${targets}: ${v.nodes[0].failureSummary
        ?.split('\n')
        .slice(1)
        .join(' ')}`,
    );
  }
  return problems.map(p => `${what}: ${p}`);
}

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page
 * @param {boolean} o.signedIn whether the guest sign-in before worked
 * @param {string} o.frontendUrl
 * @param {string} o.customerName a customer of the demo fleet
 * @param {string} o.outDir where the window screenshots go
 * @param {string} o.docsImagesDir
 * @param {(name, ok, error, ms) => void} o.record
 * @param {(e: Error) => string} o.withErrors
 */
export async function runLayoutTests(o) {
  const { page, frontendUrl, customerName, record, withErrors } = o;
  const shotDir = path.join(o.outDir, 'layout');
  fs.mkdirSync(shotDir, { recursive: true });
  const initial = page.viewportSize();
  const shoot = async (viewport, name) => {
    await page.mouse.move(viewport.width - 40, 20); // away from the sidebar
    await page.screenshot({
      path: path.join(shotDir, `${name}-${viewport.width}.png`),
    });
  };

  for (const [index, viewport] of VIEWPORTS.entries()) {
    const t0 = Date.now();
    if (!o.signedIn) {
      record(LAYOUT_TESTS[index], false, 'not run: guest sign-in failed', 0);
      continue;
    }
    // Every page is walked; the problems of all of them fail the test.
    const problems = [];
    const check = async (what, axeExclude, fits) =>
      problems.push(...(await checkPage(page, what, axeExclude, fits)));
    try {
      await page.setViewportSize(viewport);
      const customerLink = page.getByRole('link', {
        name: customerName,
        exact: true,
      });
      await open(page, `${frontendUrl}/customer-reporting`, customerLink);
      // Pages checked with `fits` fit at every size (narrow windows hide
      // columns); the others' tables still scroll inside their cards at 768 px.
      await check('customer list', [], true);
      await shoot(viewport, 'customers');

      await customerLink.click();
      await page
        .locator('table[aria-label="Instances"] tbody tr a')
        .first()
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      await check(`${customerName}'s report`, [], true);
      await shoot(viewport, 'customer-report');
      if (viewport.width === 768) {
        await page.screenshot({
          path: path.join(o.docsImagesDir, 'customer-report-768.png'),
        });
      }

      await page
        .locator('table[aria-label="Instances"] tbody tr a')
        .first()
        .click();
      await page
        .getByText('Information', { exact: true })
        .first()
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      await check('instance page', [], true);
      await shoot(viewport, 'instance');

      await open(
        page,
        `${frontendUrl}/customer-reporting/install-attempts`,
        page.locator('table[aria-label="Failure groups"]'),
      );
      await check('install attempt audit', [], true);
      await shoot(viewport, 'install-attempts');

      // The report of the newest attempt's customer: its Install attempts
      // table (Enterprise Portal customers only) has the OS, network and
      // email columns that used to break mid-word.
      await page
        .locator('table[aria-label="Install attempts"] tbody tr a')
        .first()
        .click();
      await page
        .locator('table[aria-label="Install attempts"] tbody tr')
        .first()
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      await check("an attempt's customer report", [], true);
      await shoot(viewport, 'attempt-customer-report');

      await open(
        page,
        `${frontendUrl}/customer-reporting/data-sources`,
        page
          .locator('table[aria-label="Data sources"]')
          .or(page.getByText(/No data sources are configured/))
          .first(),
      );
      await check('data sources', [], true);
      await shoot(viewport, 'data-sources');

      await open(
        page,
        `${frontendUrl}/catalog/default/component/nimbus-api`,
        page.getByRole('link', { name: customerName, exact: true }).first(),
      );
      // Backstage's own Links card shows, for entities without links, a
      // syntax-highlighted YAML sample (<pre>) with low-contrast tokens and
      // a scroll region that cannot take focus: not this plugin's markup.
      await check("a component's catalog page", ['pre']);
      await shoot(viewport, 'catalog');

      if (problems.length) {
        throw new Error(
          `at ${size(viewport)}:\n    ${problems.join('\n    ')}`,
        );
      }
      record(LAYOUT_TESTS[index], true, null, Date.now() - t0);
    } catch (e) {
      if (problems.length && !e.message.startsWith('at '))
        e.message += `\n  and before that:\n    ${problems.join('\n    ')}`;
      record(LAYOUT_TESTS[index], false, withErrors(e), Date.now() - t0);
    }
  }
  if (initial) await page.setViewportSize(initial);
}
