import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pending, renderWithApi, responseError } from '../../__testUtils__';
import { AlertRulesCard } from './AlertRulesCard';
import { downRule, expiryRule } from './fixtures';

// Typing into the form takes a few seconds on a busy machine.
jest.setTimeout(30_000);

describe('AlertRulesCard', () => {
  it('lists the rules with their event, threshold, customers, recipients and state', async () => {
    await renderWithApi(<AlertRulesCard />, {
      listAlertRules: async () => ({ items: [downRule, expiryRule] }),
    });
    const table = await screen.findByRole('table', { name: 'Alert rules' });
    const [, down, expiry] = within(table).getAllByRole('row');
    expect(down).toHaveTextContent('Production down');
    expect(down).toHaveTextContent(
      'Instance unavailable or missing · 45 minutes',
    );
    expect(down).toHaveTextContent('app: nimbus · license: paid');
    expect(down).toHaveTextContent('group:default/sre');
    expect(down).toHaveTextContent('Active');
    expect(expiry).toHaveTextContent(
      'License expires soon · 14 days (default)',
    );
    expect(expiry).toHaveTextContent('All customers');
    expect(expiry).toHaveTextContent("Customer's owner");
    expect(expiry).toHaveTextContent('Muted until');
    expect(
      within(expiry).getByRole('button', { name: 'Unmute' }),
    ).toBeInTheDocument();
  });

  it("counts a rule's customers the viewer may not read, never reading as all customers", async () => {
    const naming = (customerIds: string[], hiddenCustomerIds: number) => ({
      ...expiryRule,
      id: `r${hiddenCustomerIds}`,
      filters: { ...expiryRule.filters, customerIds },
      hiddenCustomerIds,
    });
    await renderWithApi(<AlertRulesCard />, {
      listAlertRules: async () => ({
        items: [naming(['c1'], 2), naming([], 1)],
      }),
    });
    const table = await screen.findByRole('table', { name: 'Alert rules' });
    const [, some, none] = within(table).getAllByRole('row');
    expect(some).toHaveTextContent('customer: c1, 2 hidden');
    expect(none).toHaveTextContent('customer: 1 hidden');
    expect(none).not.toHaveTextContent('All customers');
  });

  it("says whose customer reads bound a rule's named recipients", async () => {
    const savedBy = (
      id: string,
      recipientsReadAs: (typeof downRule)['recipientsReadAs'],
    ) => ({ ...downRule, id, name: id, recipientsReadAs });
    await renderWithApi(<AlertRulesCard />, {
      listAlertRules: async () => ({
        items: [
          savedBy('alice', { by: 'user:default/alice', reads: 'some' }),
          savedBy('service', { by: 'service:ops', reads: 'all' }),
          savedBy('none', { by: 'user:default/bob', reads: 'none' }),
          savedBy('before', null),
          { ...expiryRule, recipientsReadAs: null },
        ],
      }),
    });
    const table = await screen.findByRole('table', { name: 'Alert rules' });
    const [, alice, service, none, before, owners] =
      within(table).getAllByRole('row');
    expect(alice).toHaveTextContent(
      'Told only of customers user:default/alice may read',
    );
    expect(service).toHaveTextContent(
      'Told of every matching customer (service:ops reads all)',
    );
    expect(none).toHaveTextContent(
      'Told of no customer: user:default/bob may read none',
    );
    expect(before).toHaveTextContent(
      'Told of every matching customer: saved before the reads of its saver were kept',
    );
    // Each customer's owner hears of its own: no saver's reads involved.
    expect(owners).not.toHaveTextContent('Told');
  });

  it('creates a rule from the form', async () => {
    const putAlertRule = jest.fn(async (id: string, input: any) => ({
      ...downRule,
      ...input,
      id,
    }));
    let rules = [downRule];
    const listAlertRules = jest.fn(async () => ({ items: rules }));
    await renderWithApi(<AlertRulesCard />, { listAlertRules, putAlertRule });
    await userEvent.click(
      await screen.findByRole('button', { name: 'New rule' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Name/),
      'Stalled installs',
    );
    await userEvent.click(within(dialog).getByLabelText('Event'));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Install attempt stalled or failed',
      }),
    );
    // Install attempts have no threshold.
    expect(
      within(dialog).queryByLabelText(/Threshold/),
    ).not.toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText('Apps (slugs)'),
      'nimbus, orbit',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Recipients (user or group entity refs)'),
      'user:default/alice',
    );
    // Named recipients are bounded by the saver's reads (docs/alerts.md).
    expect(
      within(dialog).getByText(
        /Named recipients hear only of customers you may read/,
      ),
    ).toBeInTheDocument();
    rules = [downRule, { ...downRule, id: 'x', name: 'Stalled installs' }];
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(putAlertRule).toHaveBeenCalledTimes(1));
    const [id, input] = putAlertRule.mock.calls[0];
    expect(id).toMatch(/^stalled-installs-[a-z0-9]+$/);
    expect(input).toEqual({
      name: 'Stalled installs',
      eventType: 'install-attempt-failed',
      threshold: null,
      filters: {
        appSlugs: ['nimbus', 'orbit'],
        channelSlugs: [],
        licenseTypes: [],
        customerIds: [],
        owners: [],
      },
      recipients: ['user:default/alice'],
      enabled: true,
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(await screen.findByText('Stalled installs')).toBeInTheDocument();
  });

  it('edits a rule and keeps the dialog open with the error when the backend refuses', async () => {
    const error = await responseError(
      400,
      'InputError',
      'threshold: must be at least 1',
    );
    const putAlertRule = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValueOnce(downRule);
    await renderWithApi(<AlertRulesCard />, {
      listAlertRules: async () => ({ items: [downRule] }),
      putAlertRule,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const threshold = within(dialog).getByLabelText('Threshold (minutes)');
    expect(threshold).toHaveValue(45);
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '60');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      (await within(dialog).findAllByText(/threshold: must be at least 1/))
        .length,
    ).toBeGreaterThan(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(putAlertRule).toHaveBeenCalledTimes(2));
    expect(putAlertRule.mock.calls[1][0]).toBe('down');
    expect(putAlertRule.mock.calls[1][1].threshold).toBe(60);
  });

  it('says, when an edit changes the event, that the open alerts end without a recovery', async () => {
    await renderWithApi(<AlertRulesCard />, {
      listAlertRules: async () => ({ items: [downRule] }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const warning = /alerts this rule has open end without a recovery/;
    expect(within(dialog).queryByText(warning)).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByLabelText('Event'));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Install attempt stalled or failed',
      }),
    );
    expect(within(dialog).getByText(warning)).toBeInTheDocument();
  });

  it('mutes for 24 hours, unmutes and deletes', async () => {
    const muteAlertRule = jest.fn(async () => downRule);
    const unmuteAlertRule = jest.fn(async () => {});
    const deleteAlertRule = jest.fn(async () => {});
    await renderWithApi(<AlertRulesCard />, {
      listAlertRules: async () => ({ items: [downRule, expiryRule] }),
      muteAlertRule,
      unmuteAlertRule,
      deleteAlertRule,
    });
    const before = Date.now();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Mute 24 h' }),
    );
    await waitFor(() => expect(muteAlertRule).toHaveBeenCalledTimes(1));
    const [ruleId, mute] = muteAlertRule.mock.calls[0] as any;
    expect(ruleId).toBe('down');
    expect(mute.subject).toBeNull();
    expect(Date.parse(mute.until) - before).toBeGreaterThanOrEqual(
      24 * 3_600_000,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    await waitFor(() => expect(unmuteAlertRule).toHaveBeenCalledWith('expiry'));

    await userEvent.click(
      screen.getByRole('button', { name: 'Delete Licenses running out' }),
    );
    await waitFor(() => expect(deleteAlertRule).toHaveBeenCalledWith('expiry'));
  });

  it('lists the muted subjects of a rule and unmutes one', async () => {
    const unmuteAlertRule = jest.fn(async () => {});
    await renderWithApi(<AlertRulesCard />, {
      listAlertRules: async () => ({
        items: [
          {
            ...downRule,
            mutes: [
              {
                subject: 'inst_7',
                until: '2999-01-01T00:00:00.000Z',
                createdBy: 'user:default/alice',
              },
              // Over: not shown.
              {
                subject: 'inst_8',
                until: '2000-01-01T00:00:00.000Z',
                createdBy: 'user:default/alice',
              },
            ],
          },
        ],
      }),
      unmuteAlertRule,
    });
    expect(await screen.findByText(/inst_7 muted until/)).toBeInTheDocument();
    expect(screen.queryByText(/inst_8/)).not.toBeInTheDocument();
    // The rule itself is not muted.
    expect(screen.getByText('Active')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Unmute inst_7' }),
    );
    await waitFor(() =>
      expect(unmuteAlertRule).toHaveBeenCalledWith('down', 'inst_7'),
    );
  });

  it('shows progress, the empty state and errors', async () => {
    const { unmount } = await renderWithApi(<AlertRulesCard />, {
      listAlertRules: () => pending(),
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    unmount();

    const view = await renderWithApi(<AlertRulesCard />, {
      listAlertRules: async () => ({ items: [] }),
    });
    expect(await screen.findByText('No alert rules yet.')).toBeInTheDocument();
    view.unmount();

    const error = await responseError(
      403,
      'NotAllowedError',
      'Not allowed: customer-reporting.alerts.read',
    );
    await renderWithApi(<AlertRulesCard />, {
      listAlertRules: () => Promise.reject(error),
    });
    expect(
      await screen.findAllByText(/Not allowed: customer-reporting.alerts.read/),
    ).not.toHaveLength(0);
  });
});
