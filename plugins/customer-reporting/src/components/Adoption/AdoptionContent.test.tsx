import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerReportingApi } from '../../api';
import { pending, renderWithApi, responseError } from '../../__testUtils__';
import { AdoptionContent } from './AdoptionContent';
import { adoptionFixture, adoptionPoint } from './testData';

const apps = {
  items: [
    {
      slug: 'nimbus',
      name: 'Nimbus',
      channels: [
        { slug: 'stable', name: 'Stable' },
        { slug: 'beta', name: 'Beta' },
      ],
    },
    { slug: 'orbit', name: 'Orbit', channels: [] },
  ],
};

function render(api: Partial<CustomerReportingApi>, path = '/') {
  return renderWithApi(
    <AdoptionContent />,
    { listApps: async () => apps, ...api },
    [path],
  );
}

describe('AdoptionContent', () => {
  it('shows the first app’s shares, statuses and days to half, with a table alternative', async () => {
    const getAppAdoption = jest.fn(async () => adoptionFixture());
    await render({ getAppAdoption });

    expect(getAppAdoption).toHaveBeenCalledWith('nimbus', {
      channelSlug: undefined,
      range: '90d',
      asOf: undefined,
    });
    const chart = await screen.findByRole('img', {
      name: /Share of active instances by versions behind/,
    });
    expect(chart).toHaveAccessibleName(
      'Share of active instances by versions behind: latest period: Latest 60%, 1 behind 20%, 2 behind 0%, 3+ behind 20%',
    );
    expect(
      screen.getByRole('img', { name: /Active instances by status/ }),
    ).toHaveAccessibleName(
      'Active instances by status: latest period: 5 active, 4 ready',
    );
    // Each chart says its scale and its first and last period.
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(screen.getByText('Max 5')).toBeInTheDocument();
    expect(screen.getAllByText('Jun 1, 2025 (UTC)')).toHaveLength(2);
    expect(screen.getAllByText('Jun 2, 2025 (UTC)')).toHaveLength(2);

    // Days to half per release, with the median.
    const releases = screen.getByRole('table', {
      name: 'Days to half adoption per release',
    });
    // Promoted and half reached as days alike; the exact time on hover.
    const first = within(releases).getAllByRole('row')[1];
    expect(first).toHaveTextContent(
      /2\.11\.0.*stable.*May 20, 2025.*May 22, 2025.*2 days/,
    );
    expect(within(first).getByText('May 20, 2025')).toHaveAttribute(
      'title',
      '2025-05-20 10:00:00 UTC',
    );
    expect(within(releases).getAllByRole('row')[2]).toHaveTextContent(
      /2\.12\.0.*Not yet.*–/,
    );
    expect(
      screen.getByText(/Median 2 days over the releases promoted/),
    ).toBeInTheDocument();

    // The chart's figures as a table.
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Show as table' })[0],
    );
    const table = screen.getByRole('table', {
      name: 'Share of active instances by versions behind',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows[0]).toHaveTextContent(
      'Period (UTC)Latest1 behind2 behind3+ behindUnknown release',
    );
    expect(rows[2]).toHaveTextContent('Jun 2, 202560%20%0%20%0%');
  });

  it('asks for the app, channel and range of the URL and changes them', async () => {
    const getAppAdoption = jest.fn(async () => adoptionFixture());
    await render(
      { getAppAdoption },
      '/?appSlug=nimbus&channelSlug=beta&range=1y',
    );
    await screen.findAllByRole('img');
    expect(getAppAdoption).toHaveBeenLastCalledWith('nimbus', {
      channelSlug: 'beta',
      range: '1y',
      asOf: undefined,
    });

    await userEvent.click(screen.getByLabelText('Range'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Last 30 days (daily)' }),
    );
    expect(getAppAdoption).toHaveBeenLastCalledWith('nimbus', {
      channelSlug: 'beta',
      range: '30d',
      asOf: undefined,
    });

    await userEvent.click(screen.getByLabelText('App'));
    await userEvent.click(await screen.findByRole('option', { name: 'Orbit' }));
    expect(getAppAdoption).toHaveBeenLastCalledWith('orbit', {
      channelSlug: undefined,
      range: '30d',
      asOf: undefined,
    });
  });

  it('says when nothing was active and when no release was promoted', async () => {
    await render({
      getAppAdoption: async () =>
        adoptionFixture({
          points: [adoptionPoint('2025-06-01', [0, 0, 0, 0])],
          releases: [],
          medianDaysToHalf: null,
        }),
    });
    expect(
      await screen.findAllByText('No active instances of nimbus in this range'),
    ).toHaveLength(2);
    expect(
      screen.getByText('No release was promoted in this range'),
    ).toBeInTheDocument();
  });

  it('shows loading, then the backend’s error with Retry', async () => {
    // A failure to retry; a refusal (403) reads "Not allowed" (DataCard).
    const error = await responseError(500, 'Error', 'not for you');
    const getAppAdoption = jest
      .fn()
      .mockImplementationOnce(() => pending())
      .mockImplementation(async () => {
        throw error;
      });
    const { unmount } = await render({ getAppAdoption });
    // findAll would settle on the first cards to render, before the rest.
    await waitFor(() =>
      expect(screen.getAllByRole('progressbar')).toHaveLength(3),
    );
    unmount();

    await render({ getAppAdoption });
    await waitFor(() =>
      expect(screen.getAllByText('not for you')).toHaveLength(3),
    );
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(3);
  });

  it('has an empty state without apps', async () => {
    await render({ listApps: async () => ({ items: [] }) });
    expect(await screen.findByText('No apps yet')).toBeInTheDocument();
  });

  it('colours Unavailable and Missing apart in the status chart', async () => {
    await render({ getAppAdoption: async () => adoptionFixture() });
    await screen.findByRole('img', { name: /Active instances by status/ });
    // The legend's swatch (the span before the label) has the bars' colour.
    const swatch = (label: string) =>
      screen.getByText(label).querySelector('span')!.style.backgroundColor;
    expect(swatch('Unavailable')).not.toBe('');
    expect(swatch('Missing')).not.toBe(swatch('Unavailable'));
  });
});
