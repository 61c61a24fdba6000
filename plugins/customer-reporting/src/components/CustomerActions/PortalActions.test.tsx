import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import { CustomerReportingApi } from '../../api';
import {
  reportFixture,
  responseError,
  withFixedTimeZone,
} from '../../__testUtils__';
import { CustomerReportProvider } from '../CustomerReport/CustomerReportProvider';
import { PortalCard } from '../CustomerReport/PortalCard';
import {
  PermissionDecision,
  renderWithPermission,
} from './__testUtils__/renderWithPermission';
import { DENIED_REASONS } from './permissions';

// usePermission caches decisions globally (SWR) per resource, so every
// render gets a customer of its own.
let customerCount = 0;

/** A report for `id` whose portal is the given one. */
function report(id: string, portal?: CustomerReport['portal']) {
  const value = reportFixture(portal ? { portal } : {});
  value.customer = {
    ...value.customer,
    id,
    enterprisePortalEnabled: value.portal.kind === 'enterprise',
  };
  return value;
}

const enterprise = (
  users: { email: string; status: 'invited' | 'joined' }[],
): CustomerReport['portal'] => ({
  kind: 'enterprise',
  url: 'https://portal.example.com/cus_1',
  status: 'accessed',
  lastAccessedAt: null,
  users,
  serviceAccounts: 0,
  supportBundles: 0,
  installAttempts: 0,
  delivery: { firstAccessAt: null, firstPullAt: null, latestPullAt: null },
});

/** Renders the portal card; `reports` are answered in turn, the last one repeated. */
async function renderCard(
  reports: ((id: string) => CustomerReport)[],
  api: Partial<CustomerReportingApi> = {},
  decision: PermissionDecision = AuthorizeResult.ALLOW,
) {
  const id = `cus_${++customerCount}`;
  let call = 0;
  const getCustomerReport = jest.fn(async () =>
    reports[Math.min(call++, reports.length - 1)](id),
  );
  await renderWithPermission(
    <CustomerReportProvider customerId={id}>
      <PortalCard />
    </CustomerReportProvider>,
    { getCustomerReport, ...api },
    decision,
  );
  return { id, getCustomerReport };
}

describe('PortalCard actions', () => {
  withFixedTimeZone();

  it('generates a password, shows it once, then only when and by whom', async () => {
    const generatePortalPassword = jest.fn(async () => ({
      password: 'Xy7-generated-secret-24c',
    }));
    const after = (id: string) => {
      const value = report(id);
      value.portal = {
        ...(value.portal as Extract<typeof value.portal, { kind: 'download' }>),
        passwordSetAt: '2025-06-20T16:00:00Z',
        passwordSetBy: 'user:default/jane',
      };
      return value;
    };
    const { id, getCustomerReport } = await renderCard(
      [id0 => report(id0), after],
      { generatePortalPassword },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Generate password' }),
    );
    const dialog = await screen.findByRole('dialog');
    // Confirmation first: nothing is generated before it.
    expect(dialog).toHaveTextContent('A new password replaces the current one');
    expect(generatePortalPassword).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Generate' }),
    );

    expect(
      await within(dialog).findByText('Xy7-generated-secret-24c'),
    ).toBeInTheDocument();
    expect(generatePortalPassword).toHaveBeenCalledWith(id);
    expect(dialog).toHaveTextContent('it will not be shown again');
    expect(
      within(dialog).getByRole('button', { name: 'Copy password' }),
    ).toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() =>
      expect(screen.getByText(/^Set on/)).toHaveTextContent(
        'Set on Jun 20, 2025, 12:00 PM by user:default/jane',
      ),
    );
    expect(getCustomerReport).toHaveBeenCalledTimes(2);
    expect(
      screen.queryByText('Xy7-generated-secret-24c'),
    ).not.toBeInTheDocument();
  });

  it('validates a chosen password and shows server errors', async () => {
    const error = await responseError(
      400,
      'InputError',
      'password: must be at least 12 characters',
    );
    const setPortalPassword = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValueOnce(undefined);
    const { id, getCustomerReport } = await renderCard([report], {
      setPortalPassword,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Set password' }),
    );
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('New password');
    const submit = within(dialog).getByRole('button', { name: 'Set password' });

    await userEvent.type(input, 'short');
    await userEvent.click(submit);
    expect(dialog).toHaveTextContent('At least 12 characters (5 so far)');
    expect(setPortalPassword).not.toHaveBeenCalled();

    await userEvent.type(input, '-but-now-long');
    await userEvent.click(submit);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'password: must be at least 12 characters',
    );

    await userEvent.click(submit);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(setPortalPassword).toHaveBeenLastCalledWith(
      id,
      'short-but-now-long',
    );
    expect(getCustomerReport).toHaveBeenCalledTimes(2);
  });

  it('disables the password actions and the switch when denied', async () => {
    await renderCard([report], {}, AuthorizeResult.DENY);

    const generate = await screen.findByRole('button', {
      name: 'Generate password',
    });
    await waitFor(() => expect(generate).toBeDisabled());
    const set = screen.getByRole('button', { name: 'Set password' });
    expect(set).toBeDisabled();
    expect(set.parentElement).toHaveAttribute('title', DENIED_REASONS.password);
    expect(
      screen.getByRole('checkbox', { name: 'Enterprise portal' }),
    ).toBeDisabled();
  });

  it('enables the enterprise portal and shows it after the reload', async () => {
    const setEnterprisePortal = jest.fn(async () => ({ enabled: true }));
    const { id } = await renderCard(
      [report, id0 => report(id0, enterprise([]))],
      { setEnterprisePortal },
    );

    const toggle = await screen.findByRole('checkbox', {
      name: 'Enterprise portal',
    });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    // Nothing changes before the confirmation.
    const dialog = await screen.findByRole('dialog', {
      name: 'Switch to the Enterprise Portal?',
    });
    expect(setEnterprisePortal).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Switch to Enterprise Portal',
      }),
    );

    expect(await screen.findByText('Enterprise portal')).toBeInTheDocument();
    expect(setEnterprisePortal).toHaveBeenCalledWith(id, true);
    expect(
      screen.getByRole('checkbox', { name: 'Enterprise portal' }),
    ).toBeChecked();
  });

  it('keeps the portal when the switch is cancelled', async () => {
    const setEnterprisePortal = jest.fn(async () => ({ enabled: true }));
    await renderCard([report], { setEnterprisePortal });

    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Enterprise portal' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(setEnterprisePortal).not.toHaveBeenCalled();
    expect(
      screen.getByRole('checkbox', { name: 'Enterprise portal' }),
    ).not.toBeChecked();
  });

  it('invites a user, reports repeats and updates the count', async () => {
    const before = [{ email: 'admin@acme.test', status: 'joined' as const }];
    const conflict = await responseError(
      409,
      'ConflictError',
      'dev@acme.test has already been invited',
    );
    const invitePortalUser = jest
      .fn()
      .mockRejectedValueOnce(conflict)
      .mockResolvedValueOnce({ email: 'new@acme.test', status: 'invited' });
    const { id } = await renderCard(
      [
        id0 => report(id0, enterprise(before)),
        id0 =>
          report(
            id0,
            enterprise([
              ...before,
              { email: 'new@acme.test', status: 'invited' },
            ]),
          ),
      ],
      { invitePortalUser },
    );

    expect(await screen.findByText('1 user · 0 pending')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Invite user' }));
    const dialog = await screen.findByRole('dialog');
    const input = within(dialog).getByLabelText('Email');
    const invite = within(dialog).getByRole('button', { name: 'Invite' });

    await userEvent.type(input, 'not-an-email');
    await userEvent.click(invite);
    expect(dialog).toHaveTextContent('Enter an email address');
    expect(invitePortalUser).not.toHaveBeenCalled();

    await userEvent.clear(input);
    await userEvent.type(input, 'dev@acme.test');
    await userEvent.click(invite);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'dev@acme.test has already been invited',
    );

    await userEvent.clear(input);
    await userEvent.type(input, 'new@acme.test');
    await userEvent.click(invite);
    expect(await screen.findByText('2 users · 1 pending')).toBeInTheDocument();
    expect(invitePortalUser).toHaveBeenLastCalledWith(id, 'new@acme.test');
    const pending = screen.getByRole('list', { name: 'Pending invitations' });
    expect(within(pending).getByText('new@acme.test')).toBeInTheDocument();
  });

  it('disables inviting with the reason when denied', async () => {
    await renderCard(
      [id => report(id, enterprise([]))],
      {},
      AuthorizeResult.DENY,
    );

    const invite = await screen.findByRole('button', { name: 'Invite user' });
    await waitFor(() => expect(invite).toBeDisabled());
    expect(invite.parentElement).toHaveAttribute(
      'title',
      DENIED_REASONS.invite,
    );
  });
});
