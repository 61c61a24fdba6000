/*
 * End-to-end tests of the customer actions on the report of the demo
 * customer (run by scripts/e2e-smoke.mjs after its own flows, on the same
 * page and portal): generate a Download Portal password, enable the
 * Enterprise Portal and invite a user, open the Helm instructions and copy a
 * command. Saves docs/images/customer-actions.png with the Helm dialog open.
 *
 * The portal runs on a fresh temporary database, so the changes made here
 * (a new password, an invited user) do not need undoing.
 */

export const CUSTOMER_ACTION_TESTS = [
  'customer actions: a generated portal password is shown once, then only "set on … by …"',
  'customer actions: enabling the Enterprise Portal and inviting a user raises the user count',
  'customer actions: the Helm instructions open and a command is copied',
];

const TIMEOUT = 60000;

/** Waits until `read()` returns something other than `previous`. */
async function changed(read, previous, what) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const now = await read().catch(() => undefined);
    if (now !== undefined && now !== previous) return now;
    if (Date.now() > deadline)
      throw new Error(`${what} did not change from "${previous}"`);
    await new Promise(r => setTimeout(r, 250));
  }
}

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page
 * @param {import('playwright-core').BrowserContext} o.context
 * @param {string | undefined} o.reportUrl the demo customer's report
 * @param {string} o.frontendUrl
 * @param {(name, ok, error, ms) => void} o.record
 * @param {(fn: (attempt: number) => Promise<void>) => Promise<void>} o.attempts
 * @param {(e: Error) => string} o.withErrors
 * @param {(page, name: string) => Promise<void>} o.docsScreenshot
 */
export async function runCustomerActionTests(o) {
  const { page, context, reportUrl, record, attempts, withErrors } = o;
  if (!reportUrl) {
    for (const name of CUSTOMER_ACTION_TESTS)
      record(name, false, 'not run: the customer report failed', 0);
    return;
  }
  // Lets the test read back what the copy button wrote.
  await context
    .grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: o.frontendUrl,
    })
    .catch(() => {});

  const openReport = async () => {
    await page.goto(reportUrl, { waitUntil: 'domcontentloaded' });
    await page
      .getByRole('button', { name: 'Generate password' })
      .or(page.getByRole('button', { name: 'Invite user' }))
      .first()
      .waitFor({ state: 'visible', timeout: TIMEOUT });
  };

  const run = async (index, fn) => {
    const t0 = Date.now();
    try {
      await attempts(async () => {
        await openReport();
        await fn();
      });
      record(CUSTOMER_ACTION_TESTS[index], true, null, Date.now() - t0);
    } catch (e) {
      record(
        CUSTOMER_ACTION_TESTS[index],
        false,
        withErrors(e),
        Date.now() - t0,
      );
    }
  };

  // 1. Generate a Download Portal password.
  await run(0, async () => {
    const passwordLine = page.getByText(/^(Set( on .*)?|Not set)$/).first();
    const before = (
      await passwordLine.textContent({ timeout: TIMEOUT })
    ).trim();
    await page
      .getByRole('button', { name: 'Generate password' })
      .click({ timeout: TIMEOUT });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    const shown = dialog.getByLabel('Generated password');
    const password = (await shown.textContent({ timeout: TIMEOUT })).trim();
    if (password.length < 12)
      throw new Error(
        `the generated password is too short: ${password.length}`,
      );
    await dialog
      .getByText('it will not be shown again', { exact: false })
      .waitFor({ timeout: TIMEOUT });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
    const after = await changed(
      async () => (await passwordLine.textContent()).trim(),
      before,
      'the password line',
    );
    if (!/^Set on .+ by .+$/.test(after))
      throw new Error(`expected "Set on … by …", got "${after}"`);
    if ((await page.getByText(password).count()) > 0)
      throw new Error('the generated password is still on the page');
  });

  // 2. Enterprise Portal on, invite a user.
  await run(1, async () => {
    const toggle = page.getByRole('checkbox', { name: 'Enterprise portal' });
    if (!(await toggle.isChecked({ timeout: TIMEOUT }))) {
      await toggle.click();
      // The switch asks before it changes the customer's portal.
      const confirm = page.getByRole('dialog', {
        name: 'Switch to the Enterprise Portal?',
      });
      await confirm
        .getByRole('button', { name: 'Switch to Enterprise Portal' })
        .click({ timeout: TIMEOUT });
      await confirm.waitFor({ state: 'hidden', timeout: TIMEOUT });
    }
    const invite = page.getByRole('button', { name: 'Invite user' });
    await invite.waitFor({ state: 'visible', timeout: TIMEOUT });
    const summary = page.getByLabel('Portal users');
    const count = async () =>
      Number((await summary.textContent()).match(/^(\d+) user/)?.[1]);
    const before = await count();
    const email = `e2e-${Date.now()}@acme.example.com`;
    await invite.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('button', { name: 'Invite', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
    const after = await changed(count, before, 'the portal user count');
    if (after !== before + 1)
      throw new Error(`user count went from ${before} to ${after}, not +1`);
    await page
      .getByRole('list', { name: 'Pending invitations' })
      .getByText(email)
      .waitFor({ timeout: TIMEOUT });
    // The audit trail reloads with the report.
    await page
      .getByRole('table', { name: 'Customer activity' })
      .getByText('Invited a portal user')
      .first()
      .waitFor({ timeout: TIMEOUT });
  });

  // 3. Helm instructions, copy the install command.
  await run(2, async () => {
    await page
      .getByRole('button', { name: 'Helm install instructions' })
      .click({ timeout: TIMEOUT });
    const dialog = page.getByRole('dialog');
    const install = dialog.getByLabel('Install', { exact: true });
    const command = (await install.textContent({ timeout: TIMEOUT })).trim();
    if (!command.startsWith('helm install '))
      throw new Error(`unexpected install command: ${command}`);
    await dialog
      .getByText(/^helm registry login /)
      .waitFor({ timeout: TIMEOUT });
    await dialog.getByRole('button', { name: 'Copy install command' }).click();
    await page.getByText('Command copied').waitFor({ timeout: TIMEOUT });
    const copied = await page
      .evaluate(() => navigator.clipboard.readText())
      .catch(() => undefined);
    if (copied !== undefined && copied !== command)
      throw new Error(`the clipboard holds "${copied}", not the command`);
    await o.docsScreenshot(page, 'customer-actions.png');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
  });
}
