/*
 * What every reporting page test in the e2e smoke test shares: the browser
 * errors a page logs, the check that a page has finished and fits the
 * window, the README screenshots, and a second attempt when the dev backend
 * restarted under the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { restartedIn, waitAfterRestart } from './repoStart.mjs';

// Errors the browser logs that do not come from the pages under test: React
// development warnings about Backstage's own dependencies (MUI v4
// transitions call findDOMNode; material-table uses defaultProps). Anything
// else logged as an error on the reporting pages fails the test.
const ALLOWED_BROWSER_ERRORS = [
  /^console\.error: Warning: findDOMNode is deprecated/,
  /^console\.error: Warning: .*Support for defaultProps will be removed/,
];
const isAllowedBrowserError = text =>
  ALLOWED_BROWSER_ERRORS.some(re => re.test(text));
const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * The helpers for one page of the smoke test. `outDir` gets full-page
 * screenshots, `docsImagesDir` the README's window-sized ones.
 */
export function createPageChecks({
  page,
  portal,
  frontendUrl,
  viewport,
  outDir,
  docsImagesDir,
  log,
}) {
  // Every error the browser logs, in order; each test checks the ones
  // logged while its page was open. Only the first line is kept: React's
  // development messages carry long component stacks.
  const browserErrors = [];
  const short = text => String(text).split('\n')[0].slice(0, 300);
  page.on('pageerror', e =>
    browserErrors.push(`pageerror: ${short(e.message)}`),
  );
  page.on('console', m => {
    if (m.type() !== 'error') return;
    // Chromium's "Failed to load resource" names no resource; its location
    // is the resource's URL.
    const resource = /^Failed to load resource/.test(m.text())
      ? ` ${m.location().url}`
      : '';
    browserErrors.push(`console.error: ${short(m.text())}${resource}`);
  });

  /** The error's message with the browser errors and restarts around it. */
  const withErrors = e => {
    let msg = e.message;
    const shown = browserErrors.filter(t => !isAllowedBrowserError(t));
    if (shown.length)
      msg += `\n  browser errors:\n    ${shown.slice(-8).join('\n    ')}`;
    if (restartedIn(portal))
      msg +=
        '\n  note: the dev backend restarted during the test because source files changed';
    return msg;
  };

  // Two attempts per test: the dev backend restarts by itself when a source
  // file changes (as when someone edits the tree during the run), and
  // requests during its restart are refused.
  async function attempts(fn) {
    for (let attempt = 1; ; attempt++) {
      await waitAfterRestart(portal, { note: log });
      try {
        return await fn(attempt);
      } catch (e) {
        if (attempt >= 2 || e.final) throw e;
        log(`attempt ${attempt} failed (${e.message.split('\n')[0]}); again`);
        await sleep(5000);
      }
    }
  }

  /** Opens a path of the portal and waits until its first paint is done. */
  async function gotoAndWait(page, pathname) {
    await page.goto(`${frontendUrl}${pathname}`, {
      waitUntil: 'domcontentloaded',
      timeout: 120000,
    });
    await page.waitForLoadState('load', { timeout: 120000 });
  }

  /**
   * Checks a reporting page once its data is shown: nothing is still
   * loading, the browser logged no error since `errorsBefore`, and the page
   * is not wider than the window.
   */
  async function checkReportingPage(page, browserErrors, errorsBefore, what) {
    await page.waitForFunction(
      () => !document.querySelector('[role="progressbar"]'),
      null,
      { timeout: 60000 },
    );
    const errors = browserErrors
      .slice(errorsBefore)
      .filter(text => !isAllowedBrowserError(text));
    if (errors.length)
      throw new Error(
        `the ${what} page logged browser errors:\n    ${errors.join('\n    ')}`,
      );
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    if (scrollWidth > clientWidth)
      throw new Error(
        `the ${what} page overflows horizontally at ${viewport.width}×${viewport.height}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`,
      );
  }

  /** A full-page screenshot in `outDir`. */
  async function screenshot(page, name) {
    const file = path.join(outDir, name);
    try {
      await page.screenshot({ path: file, fullPage: true });
      log(`screenshot: ${file}`);
    } catch (e) {
      log(`could not save screenshot ${name}: ${e.message}`);
    }
  }

  /**
   * The window as a user sees it for the README in `docsImagesDir`, and the
   * full page in `outDir`.
   */
  async function reportingScreenshots(page, name) {
    // Away from the sidebar (it expands on hover) and from anything with a
    // tooltip, so neither ends up in the picture.
    await page.mouse.move(viewport.width - 40, 20);
    await sleep(500);
    const file = path.join(docsImagesDir, name);
    try {
      fs.mkdirSync(docsImagesDir, { recursive: true });
      await page.screenshot({ path: file });
      log(`screenshot: ${file}`);
    } catch (e) {
      log(`could not save screenshot ${file}: ${e.message}`);
    }
    // Backstage pages scroll inside their <main> (100vh high), so a
    // full-page screenshot would stop at the window: let it grow for it.
    const grown = await page
      .evaluate(() => {
        const main = document.querySelector('[data-backstage-core-page]');
        if (!main) return false;
        main.dataset.e2eStyle = main.getAttribute('style') ?? '';
        main.style.height = 'auto';
        main.style.overflow = 'visible';
        return true;
      })
      .catch(() => false);
    await screenshot(page, name);
    if (grown)
      await page
        .evaluate(() => {
          const main = document.querySelector('[data-backstage-core-page]');
          main.setAttribute('style', main.dataset.e2eStyle);
          delete main.dataset.e2eStyle;
        })
        .catch(() => {});
  }

  return {
    browserErrors,
    withErrors,
    attempts,
    gotoAndWait,
    checkReportingPage,
    screenshot,
    reportingScreenshots,
  };
}
