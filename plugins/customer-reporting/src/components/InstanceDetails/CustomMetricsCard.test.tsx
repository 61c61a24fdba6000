import { screen } from '@testing-library/react';
import { InstanceDetails } from '@customer-reporting/plugin-customer-reporting-common';
import {
  detailsFixture,
  itShowsProgressAndBackendErrors,
  renderInstanceCard,
} from '../../__testUtils__';
import { CustomMetricsCard } from './CustomMetricsCard';

async function renderCard(getInstance: () => Promise<InstanceDetails>) {
  await renderInstanceCard(<CustomMetricsCard />, { getInstance });
}

describe('CustomMetricsCard', () => {
  it('shows each metric with a readable value', async () => {
    await renderCard(async () =>
      detailsFixture({
        customMetrics: { activeUsers: 1349, sso: true, plan: 'gold' },
      }),
    );

    expect(await screen.findByText('activeUsers')).toBeInTheDocument();
    expect(screen.getByText((1349).toLocaleString())).toBeInTheDocument();
    expect(screen.getByText('sso')).toBeInTheDocument();
    expect(screen.getByText('Yes')).toBeInTheDocument();
    expect(screen.getByText('gold')).toBeInTheDocument();
  });

  it('says so when no metric is reported', async () => {
    await renderCard(async () => detailsFixture({ customMetrics: {} }));

    expect(
      await screen.findByText('No custom metrics reported'),
    ).toBeInTheDocument();
  });

  itShowsProgressAndBackendErrors(renderCard, () =>
    screen.queryByText('activeUsers'),
  );
});
