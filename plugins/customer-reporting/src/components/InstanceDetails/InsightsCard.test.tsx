import { screen } from '@testing-library/react';
import { InstanceDetails } from '@customer-reporting/plugin-customer-reporting-common';
import {
  detailsFixture,
  itShowsProgressAndBackendErrors,
  renderInstanceCard,
} from '../../__testUtils__';
import { InsightsCard } from './InsightsCard';

async function renderCard(getInstance: () => Promise<InstanceDetails>) {
  await renderInstanceCard(<InsightsCard />, { getInstance });
}

describe('InsightsCard', () => {
  it('shows the uptime ratio and both times to install', async () => {
    await renderCard(async () => detailsFixture());

    expect(await screen.findByText('98.21%')).toBeInTheDocument();
    expect(screen.getByText('1 h 30 min')).toBeInTheDocument();
    expect(screen.getByText('9 d 6 h')).toBeInTheDocument();
  });

  it('shows placeholders before the instance was ready', async () => {
    await renderCard(async () =>
      detailsFixture({
        insights: {
          ...detailsFixture().insights,
          uptimeRatio: null,
          instanceTimeToInstallSeconds: null,
          licenseTimeToInstallSeconds: null,
        },
      }),
    );

    expect(await screen.findByText('No data')).toBeInTheDocument();
    expect(screen.getAllByText('Not ready yet')).toHaveLength(2);
  });

  itShowsProgressAndBackendErrors(renderCard, () =>
    screen.queryByText('98.21%'),
  );
});
