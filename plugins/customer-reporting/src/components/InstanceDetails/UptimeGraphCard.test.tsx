import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InstanceUptime } from '@customer-reporting/plugin-customer-reporting-common';
import {
  detailsFixture,
  uptimeFixture,
  withFixedTimeZone,
  itShowsProgressAndBackendErrors,
  renderInstanceCard,
} from '../../__testUtils__';
import { InstanceUptimeQuery } from '../../api';
import { UptimeGraphCard } from './UptimeGraphCard';

type GetUptime = (
  id: string,
  query?: InstanceUptimeQuery,
) => Promise<InstanceUptime>;

async function renderCard(getUptime: GetUptime) {
  const getInstanceUptime = jest.fn(getUptime);
  await renderInstanceCard(<UptimeGraphCard />, {
    getInstance: async () => detailsFixture(),
    getInstanceUptime,
  });
  return getInstanceUptime;
}

describe('UptimeGraphCard', () => {
  withFixedTimeZone();

  it('draws two weeks by default with shares, events and the ratio', async () => {
    const getInstanceUptime = await renderCard(async () => uptimeFixture());

    const graph = await screen.findByRole('group', {
      name: 'Uptime in 2 periods',
    });
    expect(getInstanceUptime).toHaveBeenCalledWith('ins_1234567890', {
      range: '2w',
      asOf: undefined,
    });
    const bars = within(graph).getAllByRole('img');
    expect(bars[0]).toHaveAccessibleName(
      'Jun 12, 2025, 8:00 PM – Jun 13, 2025, 4:00 AM: Up 100%, Degraded 0%, Down 0%, No data 0%',
    );
    expect(bars[1]).toHaveAccessibleName(
      'Jun 13, 2025, 4:00 AM – Jun 13, 2025, 12:00 PM (3 events): Up 50%, Degraded 25%, Down 12.5%, No data 12.5%',
    );
    // The event marker above the second bar.
    expect(within(graph).getByText('3')).toBeInTheDocument();
    expect(screen.getByText('90% uptime')).toBeInTheDocument();
    expect(screen.getByText('over the last 2 weeks')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '2 weeks' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('loads another range when one is selected', async () => {
    const getInstanceUptime = await renderCard(async (_id, query) =>
      uptimeFixture({
        range: query?.range,
        ratio: query?.range === '90d' ? 0.995 : 0.9,
      }),
    );
    await screen.findByText('90% uptime');

    await userEvent.click(screen.getByRole('button', { name: '90 days' }));

    expect(await screen.findByText('99.5% uptime')).toBeInTheDocument();
    expect(screen.getByText('over the last 90 days')).toBeInTheDocument();
    expect(getInstanceUptime).toHaveBeenLastCalledWith('ins_1234567890', {
      range: '90d',
      asOf: undefined,
    });
    expect(screen.getByRole('button', { name: '90 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('offers every range', async () => {
    await renderCard(async () => uptimeFixture());

    const selector = await screen.findByRole('group', { name: 'Uptime range' });
    expect(
      within(selector)
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['2 days', '2 weeks', '45 days', '90 days', '1 year', 'All']);
  });

  it('says so when the range has no data', async () => {
    await renderCard(async () => uptimeFixture({ buckets: [], ratio: null }));

    expect(
      await screen.findByText('No uptime data in this range'),
    ).toBeInTheDocument();
  });

  itShowsProgressAndBackendErrors(renderCard, () =>
    screen.queryByText(/uptime$/),
  );
});
