import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lightTheme } from '@backstage/theme';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  customerInstanceArchivePermission,
  INSTANCE_ARCHIVE_RULE,
  InstanceDetails,
  LicenseType,
  ReportInstance,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  detailsFixture,
  instanceFixture,
  itShowsProgressAndBackendErrors,
  renderInstanceCard,
} from '../../__testUtils__';
import { pending, responseError } from '../../__testUtils__/renderWithApi';
import { renderWithPermission } from '../CustomerActions/__testUtils__/renderWithPermission';
import { CurrentStateCard } from './CurrentStateCard';
import { InstanceDetailsProvider } from './InstanceDetailsProvider';

async function renderCard(getInstance: () => Promise<InstanceDetails>) {
  const api = { getInstance: jest.fn(getInstance) };
  await renderInstanceCard(<CurrentStateCard />, api);
  return api.getInstance;
}

describe('CurrentStateCard', () => {
  it('shows status, version, versions behind, version age and check-in', async () => {
    const getInstance = await renderCard(async () =>
      detailsFixture({
        instance: instanceFixture({
          lastCheckInAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
        }),
      }),
    );

    expect(
      await screen.findByRole('img', { name: 'Status: Ready' }),
    ).toBeInTheDocument();
    expect(getInstance).toHaveBeenCalledWith('ins_1234567890', {
      asOf: undefined,
    });
    expect(screen.getByText('2.11.0')).toBeInTheDocument();
    expect(screen.getByText('2 releases behind')).toBeInTheDocument();
    expect(screen.getByText(/3 d 4 h since release/)).toBeInTheDocument();
    expect(
      screen.getByText('(12 days older than the latest)'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 hours ago')).toHaveAttribute(
      'title',
      expect.stringMatching(/UTC\)$/),
    );
    expect(screen.queryByText(/Inactive/)).not.toBeInTheDocument();
  });

  it('marks an inactive, air-gapped instance', async () => {
    await renderCard(async () =>
      detailsFixture({
        instance: instanceFixture({ active: false, airgap: true }),
      }),
    );

    const inactive = await screen.findByText(/· Inactive/);
    expect(inactive).toHaveStyle({ color: lightTheme.palette.error.main });
    expect(screen.getByRole('img', { name: 'Air gap' })).toBeInTheDocument();
  });

  it('shows placeholders for an unknown release and status', async () => {
    await renderCard(async () =>
      detailsFixture({
        instance: instanceFixture({ status: null, appVersion: null }),
        insights: {
          ...detailsFixture().insights,
          versionsBehind: null,
          versionAgeSeconds: null,
          relativeVersionAgeDays: null,
        },
      }),
    );

    expect(
      await screen.findByRole('img', { name: 'Status: Unknown' }),
    ).toBeInTheDocument();
    // The chip, and the version.
    expect(screen.getAllByText('Unknown')).toHaveLength(2);
    expect(screen.getAllByText('Unknown release')).toHaveLength(2);
  });

  itShowsProgressAndBackendErrors(renderCard, () =>
    screen.queryByText('2.11.0'),
  );
});

describe('CurrentStateCard archive button', () => {
  /**
   * Renders the card of an instance whose `archived` flag follows the
   * answers of `setInstanceArchived`, as the backend's would.
   */
  async function renderArchivable(
    overrides: Partial<ReportInstance>,
    setInstanceArchived: (
      id: string,
      archived: boolean,
    ) => Promise<{ archived: boolean }> = async (_, archived) => ({
      archived,
    }),
    licenseType: LicenseType = 'paid',
  ) {
    let instance = instanceFixture(overrides);
    const details = detailsFixture();
    const api = {
      getInstance: jest.fn(async () =>
        detailsFixture({
          instance,
          customer: { ...details.customer, licenseType },
        }),
      ),
      setInstanceArchived: jest.fn(async (id: string, archived: boolean) => {
        const answer = await setInstanceArchived(id, archived);
        instance = { ...instance, archived: answer.archived };
        return answer;
      }),
    };
    await renderInstanceCard(<CurrentStateCard />, api);
    return api;
  }

  it('archives an inactive instance and shows it after the reload', async () => {
    const api = await renderArchivable({ active: false });

    const archive = await screen.findByRole('button', {
      name: 'Archive instance',
    });
    expect(archive).toBeEnabled();
    expect(
      screen.queryByText(`${INSTANCE_ARCHIVE_RULE}.`),
    ).not.toBeInTheDocument();
    await userEvent.click(archive);

    expect(
      await screen.findByRole('button', { name: 'Unarchive instance' }),
    ).toBeEnabled();
    expect(api.setInstanceArchived).toHaveBeenCalledWith(
      'ins_1234567890',
      true,
    );
    expect(api.getInstance).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('img', { name: 'Archived' })).toBeInTheDocument();
  });

  it('offers to unarchive an archived instance', async () => {
    const api = await renderArchivable({ archived: true });

    const unarchive = await screen.findByRole('button', {
      name: 'Unarchive instance',
    });
    // Unarchiving is always allowed, even for an active online instance.
    expect(
      screen.queryByText(`${INSTANCE_ARCHIVE_RULE}.`),
    ).not.toBeInTheDocument();
    await userEvent.click(unarchive);

    expect(
      await screen.findByRole('button', { name: 'Archive instance' }),
    ).toBeInTheDocument();
    expect(api.setInstanceArchived).toHaveBeenCalledWith(
      'ins_1234567890',
      false,
    );
  });

  it('is disabled, with the rule as the reason, for an active online instance of a paid license', async () => {
    const api = await renderArchivable({});

    const archive = await screen.findByRole('button', {
      name: 'Archive instance',
    });
    expect(archive).toBeDisabled();
    // Screen readers announce the rule with the button...
    expect(archive).toHaveAccessibleDescription(`${INSTANCE_ARCHIVE_RULE}.`);
    // ...but it is no sentence on the card: an info icon's tooltip shows it.
    expect(screen.getByText(`${INSTANCE_ARCHIVE_RULE}.`)).not.toBeVisible();
    await userEvent.hover(screen.getByTestId('disabled-reason-icon'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      `${INSTANCE_ARCHIVE_RULE}.`,
    );
    expect(api.setInstanceArchived).not.toHaveBeenCalled();
  });

  it('archives an active instance of a development license', async () => {
    const api = await renderArchivable({}, undefined, 'dev');

    const archive = await screen.findByRole('button', {
      name: 'Archive instance',
    });
    expect(archive).toBeEnabled();
    await userEvent.click(archive);
    expect(
      await screen.findByRole('button', { name: 'Unarchive instance' }),
    ).toBeEnabled();
    expect(api.setInstanceArchived).toHaveBeenCalledWith(
      'ins_1234567890',
      true,
    );
  });

  it('shows the refusal when the backend still refuses (the instance changed meanwhile)', async () => {
    const refusal = await responseError(
      409,
      'ConflictError',
      'Instance ins_1234567890 is active: only inactive, air gap or development-license instances may be archived',
    );
    const api = await renderArchivable({ active: false }, async () => {
      throw refusal;
    });

    const archive = await screen.findByRole('button', {
      name: 'Archive instance',
    });
    await userEvent.click(archive);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not archive the instance: Instance ins_1234567890 is active: only inactive',
    );
    expect(archive).toBeEnabled();
    expect(api.getInstance).toHaveBeenCalledTimes(1);
  });

  it('needs no explanation for an active air gap instance', async () => {
    await renderArchivable({ airgap: true });

    const archive = await screen.findByRole('button', {
      name: 'Archive instance',
    });
    expect(archive).not.toHaveAttribute('aria-describedby');
    expect(
      screen.queryByText(`${INSTANCE_ARCHIVE_RULE}.`),
    ).not.toBeInTheDocument();
  });

  it('is disabled with progress while the request is pending', async () => {
    await renderArchivable({ active: false }, () => pending());

    const archive = await screen.findByRole('button', {
      name: 'Archive instance',
    });
    await userEvent.click(archive);

    await waitFor(() => expect(archive).toBeDisabled());
    expect(
      screen.getByRole('progressbar', {
        name: 'Archive instance: in progress',
      }),
    ).toBeInTheDocument();
  });

  it('is not shown without the archive permission', async () => {
    // Another customer: usePermission caches answers per resource ref.
    const getInstance = jest.fn(async () =>
      detailsFixture({
        instance: instanceFixture({ active: false }),
        customer: { ...detailsFixture().customer, id: 'cus_denied' },
      }),
    );
    const asked: string[] = [];
    await renderWithPermission(
      <InstanceDetailsProvider instanceId="ins_1234567890">
        <CurrentStateCard />
      </InstanceDetailsProvider>,
      { getInstance },
      name => {
        asked.push(name);
        return name === customerInstanceArchivePermission.name
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW;
      },
    );

    expect(await screen.findByText('2.11.0')).toBeInTheDocument();
    await waitFor(() =>
      expect(asked).toContain(customerInstanceArchivePermission.name),
    );
    // Let the denial reach the card.
    await act(async () => {});
    expect(
      screen.queryByRole('button', { name: /archive instance/i }),
    ).not.toBeInTheDocument();
  });
});
