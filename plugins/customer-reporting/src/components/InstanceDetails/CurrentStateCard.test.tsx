import { screen } from '@testing-library/react';
import { lightTheme } from '@backstage/theme';
import { InstanceDetails } from '@customer-reporting/plugin-customer-reporting-common';
import {
  detailsFixture,
  instanceFixture,
  itShowsProgressAndBackendErrors,
  renderInstanceCard,
} from '../../__testUtils__';
import { CurrentStateCard } from './CurrentStateCard';

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
