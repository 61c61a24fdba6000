/*
 * End-to-end flow of the install attempt audit
 * (/customer-reporting/install-attempts), run by scripts/e2e-smoke.mjs after
 * the other reporting pages with the same browser page and helpers.
 *
 * On the demo fleet: opens the page from the sidebar, reads the unfiltered
 * figures and saves docs/images/install-attempts.png (1280×800), then
 * filters to failed and stalled Helm attempts through the filter bar and
 * checks that the figures follow (the summary, funnel and failure groups
 * change and agree with each other), and finally exports the CSV through
 * the page's button and checks that it holds exactly the attempts the table
 * counts. The page must log no browser error and must not overflow
 * horizontally in either state.
 */
import fs from 'node:fs';
import path from 'node:path';

export const INSTALL_ATTEMPTS_TEST =
  'install attempts: filters change the figures; the CSV export holds exactly the filtered attempts';

const PAGE_PATH = '/customer-reporting/install-attempts';

/** Records of a CSV text (quoted fields may hold commas and newlines). */
export function csvRecords(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** What the page shows: summary tiles, funnel rows, groups, list total. */
async function readFigures(page) {
  return page.evaluate(() => {
    const summary = {};
    const dl = document.querySelector(
      'dl[aria-label="Install attempt summary"]',
    );
    dl?.querySelectorAll('dt').forEach(dt => {
      summary[dt.textContent] = dt.nextElementSibling?.textContent;
    });
    const funnels = {};
    document.querySelectorAll('ol[aria-label$=" funnel"]').forEach(ol => {
      funnels[ol.getAttribute('aria-label')] = [
        ...ol.querySelectorAll('li'),
      ].map(li => li.getAttribute('aria-label'));
    });
    const groups = [
      ...document.querySelectorAll(
        'table[aria-label="Failure groups"] tbody tr',
      ),
    ].map(tr => {
      const cells = [...tr.querySelectorAll('td')].map(td => td.textContent);
      return { status: cells[0], count: Number(cells[3]) };
    });
    const showing = [...document.querySelectorAll('span, p, div')]
      .map(el => el.textContent)
      .find(t => /^Showing \d+ of \d+$/.test(t ?? ''));
    return {
      summary,
      funnels,
      groups,
      total: showing ? Number(showing.split(' of ')[1]) : undefined,
    };
  });
}

/** Picks options of a MUI select by the field's label, then closes it. */
async function choose(page, label, options) {
  await page.getByLabel(label, { exact: true }).click({ timeout: 30000 });
  const listbox = page.getByRole('listbox');
  for (const option of options) {
    await listbox.getByRole('option', { name: option, exact: true }).click();
  }
  // A multiple select stays open; Escape closes it (a single one closed).
  if (await listbox.isVisible().catch(() => false)) {
    await page.keyboard.press('Escape');
  }
  await listbox.waitFor({ state: 'hidden', timeout: 10000 });
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * The flow; throws on the first failed check. `ctx` carries the page and
 * helpers of e2e-smoke.mjs: frontendUrl, outDir, browserErrors, log,
 * gotoAndWait, checkReportingPage and reportingScreenshots.
 */
export async function runInstallAttemptsFlow(ctx, attempt = 1) {
  const { page, browserErrors, log } = ctx;
  const errorsBefore = browserErrors.length;

  // From the sidebar, as a user would; a retry opens the page directly.
  if (attempt === 1) {
    await ctx.gotoAndWait(page, '/customer-reporting');
    await page
      .getByRole('link', { name: 'Install attempts' })
      .first()
      .click({ timeout: 60000 });
    await page.waitForURL(new RegExp(`${PAGE_PATH}$`), { timeout: 30000 });
  } else {
    await ctx.gotoAndWait(page, PAGE_PATH);
  }
  await page
    .getByRole('table', { name: 'Install attempts' })
    .waitFor({ state: 'visible', timeout: 90000 });
  await ctx.checkReportingPage(
    page,
    browserErrors,
    errorsBefore,
    'install attempts',
  );
  const all = await readFigures(page);
  log(`install attempts, unfiltered: ${JSON.stringify(all.summary)}`);
  assert(Number(all.summary.Attempts) > 0, 'the demo fleet shows no attempts');
  assert(
    all.total === Number(all.summary.Attempts),
    `the table counts ${all.total} attempts, the summary ${all.summary.Attempts}`,
  );
  await ctx.reportingScreenshots(page, 'install-attempts.png');

  // Failed and stalled Helm attempts, chosen in the filter bar.
  await choose(page, 'Status', ['Failed', 'Stalled']);
  // Every card's answer for the final filters, not an intermediate one (the
  // status alone) that a card may still show while its next request runs.
  const answered = ['summary', 'funnel', 'failure-groups', 'trend'].map(card =>
    page.waitForResponse(
      res => {
        const url = new URL(res.url());
        return (
          url.pathname.endsWith(`/v1/install-attempts/${card}`) &&
          url.searchParams.get('installType') === 'helm' &&
          url.searchParams.get('status') === 'failed,stalled'
        );
      },
      { timeout: 60000 },
    ),
  );
  await choose(page, 'Install type', ['Helm']);
  await page.waitForURL(
    url =>
      url.searchParams.get('status') === 'failed,stalled' &&
      url.searchParams.get('installType') === 'helm',
    { timeout: 30000 },
  );
  // The figures reload with the old ones still shown: wait for new ones.
  await page
    .waitForFunction(
      before => {
        const dl = document.querySelector(
          'dl[aria-label="Install attempt summary"]',
        );
        return dl && !dl.textContent.includes(before);
      },
      `Attempts${all.summary.Attempts}`,
      { timeout: 60000 },
    )
    .catch(() => {}); // an empty result shows no tiles; checked below
  await Promise.all(answered);
  await ctx.checkReportingPage(
    page,
    browserErrors,
    errorsBefore,
    'filtered install attempts',
  );
  const some = await readFigures(page);
  log(
    `install attempts, failed and stalled Helm: ${JSON.stringify(
      some.summary,
    )}`,
  );

  const filtered = Number(some.summary.Attempts);
  assert(filtered > 0, 'the demo fleet has no failed or stalled Helm attempts');
  assert(
    filtered < Number(all.summary.Attempts),
    `the filtered summary counts ${filtered} attempts, as many as unfiltered`,
  );
  assert(
    some.summary.Succeeded === '0' && some.summary['In progress'] === '0',
    `the filtered summary still counts other statuses: ${JSON.stringify(
      some.summary,
    )}`,
  );
  assert(
    Number(some.summary.Failed) + Number(some.summary.Stalled) === filtered,
    'failed + stalled differ from the filtered total',
  );
  // Only the Helm funnel is left, and it changed.
  assert(
    JSON.stringify(Object.keys(some.funnels)) === '["Helm funnel"]',
    `funnels shown after filtering: ${Object.keys(some.funnels)}`,
  );
  assert(
    all.funnels['Helm funnel']?.[0] !== some.funnels['Helm funnel'][0],
    `the Helm funnel did not change: ${some.funnels['Helm funnel'][0]}`,
  );
  // Every filtered attempt is in exactly one failure group.
  const grouped = some.groups.reduce((sum, g) => sum + g.count, 0);
  assert(
    some.groups.every(g => g.status === 'Failed' || g.status === 'Stalled'),
    'a failure group has another status',
  );
  assert(
    grouped === filtered,
    `the failure groups hold ${grouped} attempts, the summary ${filtered}`,
  );
  assert(
    some.total === filtered,
    `the table counts ${some.total} attempts, the summary ${filtered}`,
  );

  // The export: exactly the filtered set, as many rows as the table counts.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const file = path.join(ctx.outDir, 'install-attempts.csv');
  await download.saveAs(file);
  assert(
    download.suggestedFilename() === 'install-attempts.csv',
    `the export is named ${download.suggestedFilename()}`,
  );
  const records = csvRecords(fs.readFileSync(file, 'utf8'));
  const rows = records.length - 1;
  log(
    `install-attempts.csv: ${rows} data rows (${records[0]?.length} columns)`,
  );
  assert(
    rows === some.total,
    `install-attempts.csv has ${rows} data rows, the page counts ${some.total} attempts`,
  );
  await ctx.checkReportingPage(
    page,
    browserErrors,
    errorsBefore,
    'install attempts after the export',
  );
}
