import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { lightTheme } from '@backstage/theme';
import { CustomerReport } from '@customer-reporting/plugin-customer-reporting-common';
import {
  instanceFixture,
  renderWithApi,
  reportFixture,
  itShowsProgressAndBackendErrors,
  cellUnder,
  setWindowWidth,
} from '../../__testUtils__';
import { CustomerReportQuery } from '../../api';
import { CustomerReportProvider } from './CustomerReportProvider';
import { InstancesCard } from './InstancesCard';

type GetReport = (
  id: string,
  query?: CustomerReportQuery,
) => Promise<CustomerReport>;

async function renderCard(getReport: GetReport) {
  const getCustomerReport = jest.fn(getReport);
  await renderWithApi(
    <Routes>
      <Route
        path="/customer-reporting/instances/:instanceId"
        element={<p>Instance page</p>}
      />
      <Route
        path="*"
        element={
          <CustomerReportProvider customerId="cus_1">
            <InstancesCard />
          </CustomerReportProvider>
        }
      />
    </Routes>,
    { getCustomerReport },
  );
  return getCustomerReport;
}

const kurlInstance = instanceFixture({
  id: 'ins_kurl',
  shortId: 'ins_kur',
  name: null,
  status: 'degraded',
  active: false,
  versionsBehind: 0,
  k8sDistribution: 'kurl',
  kurlNodesTotal: 5,
  kurlNodesReady: 4,
  kotsVersion: null,
  sdkVersion: null,
  cloudProvider: null,
  cloudRegion: null,
  tags: {},
});

describe('InstancesCard', () => {
  it('shows the counts and a row per instance', async () => {
    await renderCard(async () => reportFixture());

    expect(
      await screen.findByText('1 active · 0 air gap · 2 inactive'),
    ).toBeInTheDocument();
    const row = screen.getByRole('link', { name: 'prod-eu' }).closest('tr')!;
    const cells = within(row);
    expect(cells.getByText('ins_123')).toBeInTheDocument();
    expect(
      cells.getByRole('img', { name: 'Status: Ready' }),
    ).toBeInTheDocument();
    expect(cells.getByText('2.11.0')).toBeInTheDocument();
    expect(cells.getByText('2 behind')).toBeInTheDocument();
    expect(cells.getByText('eks')).toBeInTheDocument();
    expect(cells.getByText('Kubernetes 1.30.4')).toBeInTheDocument();
    expect(cells.getByText('KOTS 1.124.3')).toBeInTheDocument();
    expect(cells.getByText('SDK 1.5.2')).toBeInTheDocument();
    expect(cells.getByText('aws')).toBeInTheDocument();
    expect(cells.getByText('eu-west-1')).toBeInTheDocument();
    expect(cells.getByText('team: platform')).toBeInTheDocument();
    // Cut off when long: the whole tag is the chip's tooltip.
    expect(
      cells.getByText('team: platform').closest('[title]'),
    ).toHaveAttribute('title', 'team: platform');
    // The name tag would repeat the instance column.
    expect(cells.queryByText('name: prod-eu')).not.toBeInTheDocument();
    expect(
      cells.getAllByRole('img', { name: /^Jun \d+ \(UTC\): Up/ }),
    ).toHaveLength(14);
    expect(cells.getByText('98.21%')).toBeInTheDocument();
    expect(cells.queryByText('Inactive')).not.toBeInTheDocument();
  });

  it('pads each header like the values below it, so they line up', async () => {
    await renderCard(async () => reportFixture());

    const table = await screen.findByRole('table', { name: 'Instances' });
    const [head, first] = within(table).getAllByRole('row');
    const headers = within(head).getAllByRole('columnheader');
    const cells = within(first).getAllByRole('cell');
    const padding = (el: HTMLElement) => {
      const style = getComputedStyle(el);
      return `${style.paddingLeft} ${style.paddingRight}`;
    };
    expect(headers.map(padding)).toEqual(cells.map(padding));
  });

  it('shows placeholders for an instance that reported nothing but check-ins', async () => {
    const bare = instanceFixture({
      name: null,
      status: null,
      appVersion: null,
      versionsBehind: null,
      k8sDistribution: null,
      k8sVersion: null,
      clusterType: null,
      kotsVersion: null,
      sdkVersion: null,
      cloudProvider: null,
      cloudRegion: null,
      firstReadyAt: null,
      tags: {},
      uptime: {
        ratio: null,
        days: instanceFixture().uptime.days.map(day => ({
          ...day,
          up: 0,
          degraded: 0,
          down: 0,
          noData: 1,
        })),
      },
    });
    await renderCard(async () => reportFixture({ instances: [bare] }));

    const row = (await screen.findByRole('link', { name: 'ins_123' })).closest(
      'tr',
    )!;
    const cells = within(row);
    expect(
      cells.getByRole('img', { name: 'Status: Unknown' }),
    ).toBeInTheDocument();
    // Version, cluster, KOTS / SDK, cloud and the uptime ratio.
    expect(cells.getAllByText('–')).toHaveLength(5);
    expect(cells.getByText('No tags')).toBeInTheDocument();
    expect(
      cells.getAllByRole('img', { name: /^Jun \d+ \(UTC\): .*No data 100%/ }),
    ).toHaveLength(14);
  });

  it('shows kURL nodes, and an inactive instance in red', async () => {
    await renderCard(async () => reportFixture({ instances: [kurlInstance] }));

    const row = (await screen.findByRole('link', { name: 'ins_kur' })).closest(
      'tr',
    )!;
    const cells = within(row);
    expect(cells.getByText('Latest')).toBeInTheDocument();
    expect(cells.getByText('kURL 4/5 nodes ready')).toBeInTheDocument();
    expect(cells.getByText('Kubernetes 1.30.4')).toBeInTheDocument();
    expect(
      cells.getByRole('img', { name: 'Status: Degraded' }),
    ).toBeInTheDocument();
    expect(cells.getByText('No tags')).toBeInTheDocument();
    const inactive = cells.getByText('Inactive');
    // The theme's error colour, on the label and the check-in time.
    expect(inactive).toHaveStyle({ color: lightTheme.palette.error.main });
    expect(inactive.closest('td')).toHaveStyle({
      color: lightTheme.palette.error.main,
    });
  });

  it('labels Embedded Cluster nodes and marks air gap instances', async () => {
    const embedded = instanceFixture({
      id: 'ins_ec',
      shortId: 'ins_ec1',
      name: null,
      airgap: true,
      k8sDistribution: 'embedded-cluster',
      clusterType: 'embedded',
      kurlNodesTotal: 3,
      kurlNodesReady: 3,
    });
    await renderCard(async () =>
      reportFixture({ instances: [embedded, instanceFixture()] }),
    );

    const row = (await screen.findByRole('link', { name: 'ins_ec1' })).closest(
      'tr',
    )!;
    expect(
      within(row).getByText('Embedded Cluster 3/3 nodes ready'),
    ).toBeInTheDocument();
    expect(within(row).queryByText(/kURL/)).not.toBeInTheDocument();
    expect(within(row).getByText('Air gap')).toBeInTheDocument();
    // Online instances carry no marker.
    const online = screen.getByRole('link', { name: 'prod-eu' }).closest('tr')!;
    expect(within(online).queryByText('Air gap')).not.toBeInTheDocument();
  });

  it('refetches with includeInactive and includeArchived when toggled', async () => {
    const getCustomerReport = await renderCard(async (_id, query) =>
      reportFixture({
        instances: query?.includeInactive
          ? [instanceFixture(), kurlInstance]
          : [instanceFixture()],
      }),
    );
    await screen.findByText('prod-eu');

    await userEvent.click(screen.getByLabelText('Show inactive'));
    expect(await screen.findByText('ins_kur')).toBeInTheDocument();
    expect(getCustomerReport).toHaveBeenLastCalledWith('cus_1', {
      includeInactive: true,
      includeArchived: false,
      asOf: undefined,
    });

    await userEvent.click(screen.getByLabelText('Show archived (1)'));
    expect(getCustomerReport).toHaveBeenLastCalledWith('cus_1', {
      includeInactive: true,
      includeArchived: true,
      asOf: undefined,
    });
  });

  it('opens the instance page when a row is clicked', async () => {
    await renderCard(async () => reportFixture());

    await userEvent.click(await screen.findByText('eu-west-1'));

    expect(await screen.findByText('Instance page')).toBeInTheDocument();
  });

  it('explains an empty list when inactive instances are hidden', async () => {
    await renderCard(async () => reportFixture({ instances: [] }));

    expect(await screen.findByText('No instances')).toBeInTheDocument();
    expect(
      screen.getByText(
        '2 inactive instances are hidden; turn on "Show inactive" to list them.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // A line inside the card, not a page-sized illustration against its edges.
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it.each([
    // 768 px beside the open sidebar leaves the table about 500 px.
    [768, ['Instance', 'Status', 'Version', 'Last check-in']],
    [
      1280,
      [
        'Instance',
        'Status',
        'Version',
        'Cluster',
        'KOTS / SDK',
        'Cloud',
        'Last check-in',
        'Tags',
        'Uptime (14 days)',
      ],
    ],
  ])('at %i px shows the columns %j, a cell each', async (width, shown) => {
    const restore = setWindowWidth(width);
    try {
      await renderCard(async () => reportFixture());
      const table = await screen.findByRole('table', { name: 'Instances' });
      const [head, first] = within(table).getAllByRole('row');
      expect(
        within(head)
          .getAllByRole('columnheader')
          .map(h => h.textContent),
      ).toEqual(shown);
      expect(within(first).getAllByRole('cell')).toHaveLength(shown.length);
      expect(within(first).getByText('2 behind')).toBeInTheDocument();
    } finally {
      restore();
    }
  });

  it.each([
    // Narrow windows keep the 14-day uptime ratio, under the status.
    [768, 'Status', '14-day uptime: 98.21%'],
    [1280, 'Uptime (14 days)', '98.21%'],
  ])(
    'at %i px shows the uptime ratio under %s',
    async (width, header, text) => {
      const restore = setWindowWidth(width);
      try {
        await renderCard(async () => reportFixture());
        const table = await screen.findByRole('table', { name: 'Instances' });
        const [, first] = within(table).getAllByRole('row');
        expect(
          within(cellUnder(table, first, header)).getByText(text),
        ).toBeInTheDocument();
        expect(within(table).getAllByText(/98\.21%/)).toHaveLength(1);
      } finally {
        restore();
      }
    },
  );

  itShowsProgressAndBackendErrors(renderCard, () =>
    screen.queryByRole('table'),
  );
});
