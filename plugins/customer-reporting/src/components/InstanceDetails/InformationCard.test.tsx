import { screen } from '@testing-library/react';
import { InstanceDetails } from '@customer-reporting/plugin-customer-reporting-common';
import {
  detailsFixture,
  instanceFixture,
  withFixedTimeZone,
  itShowsProgressAndBackendErrors,
  renderInstanceCard,
} from '../../__testUtils__';
import { InformationCard } from './InformationCard';

async function renderCard(getInstance: () => Promise<InstanceDetails>) {
  await renderInstanceCard(<InformationCard />, { getInstance });
}

describe('InformationCard', () => {
  withFixedTimeZone();

  it('shows where and how the instance runs', async () => {
    await renderCard(async () =>
      detailsFixture({
        instance: instanceFixture({ kurlNodesTotal: 3, kurlNodesReady: 2 }),
      }),
    );

    expect(await screen.findByText('ins_1234567890')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Copy instance ID' }),
    ).toBeInTheDocument();
    expect(screen.getByText('eks')).toBeInTheDocument();
    expect(screen.getByText('1.30.4')).toBeInTheDocument();
    expect(screen.getByText('existing')).toBeInTheDocument();
    expect(screen.getByText('2 of 3 ready')).toBeInTheDocument();
    expect(screen.getByText('kURL nodes')).toBeInTheDocument();
    expect(screen.getByText('1.124.3')).toBeInTheDocument();
    expect(screen.getByText('1.5.2')).toBeInTheDocument();
    expect(screen.getByText('aws · eu-west-1')).toBeInTheDocument();
    expect(screen.getByText('cluster-abc')).toBeInTheDocument();
    expect(screen.getByText('stable')).toBeInTheDocument();
    expect(screen.getByText('12')).toBeInTheDocument();
    expect(screen.getByText('pass')).toBeInTheDocument();
    expect(screen.getByText('May 1, 2025, 6:00 AM')).toHaveAttribute(
      'title',
      '2025-05-01 10:00:00 UTC',
    );
    expect(screen.getByText('team: platform')).toBeInTheDocument();
    expect(screen.getByText('name: prod-eu')).toBeInTheDocument();
  });

  it('names the nodes of an Embedded Cluster instance', async () => {
    await renderCard(async () =>
      detailsFixture({
        instance: instanceFixture({
          k8sDistribution: 'embedded-cluster',
          clusterType: 'embedded',
          kurlNodesTotal: 1,
          kurlNodesReady: 1,
        }),
      }),
    );

    expect(
      await screen.findByText('Embedded Cluster nodes'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 1 ready')).toBeInTheDocument();
    expect(screen.queryByText('kURL nodes')).not.toBeInTheDocument();
  });

  it('shows dashes and "No tags" for missing information', async () => {
    await renderCard(async () =>
      detailsFixture({
        instance: instanceFixture({
          cloudProvider: null,
          cloudRegion: null,
          firstReadyAt: null,
          tags: {},
        }),
        information: {
          clusterId: null,
          channelSlug: null,
          releaseSequence: null,
          preflightStatus: null,
        },
      }),
    );

    expect(await screen.findByText('No tags')).toBeInTheDocument();
    expect(screen.getByText('Not ready yet')).toBeInTheDocument();
    // kURL nodes, cloud, cluster id, channel, release and preflight.
    expect(screen.getAllByText('–')).toHaveLength(6);
  });

  itShowsProgressAndBackendErrors(renderCard);
});
