import { screen, within } from '@testing-library/react';
import { InstanceDetails } from '@customer-reporting/plugin-customer-reporting-common';
import {
  detailsFixture,
  itShowsProgressAndBackendErrors,
  cellUnder,
  renderInstanceCard,
  setWindowWidth,
  shownText,
  tableColumns,
} from '../../__testUtils__';
import { ResourcesCard } from './ResourcesCard';

async function renderCard(getInstance: () => Promise<InstanceDetails>) {
  await renderInstanceCard(<ResourcesCard />, { getInstance });
}

/** A degraded instance's resources, in the order the backend sends them. */
const degraded = async () =>
  detailsFixture({
    resources: [
      {
        kind: 'Deployment',
        namespace: 'nimbus',
        name: 'worker',
        state: 'degraded',
      },
      { kind: 'Deployment', namespace: 'nimbus', name: 'api', state: 'ready' },
      {
        kind: 'PersistentVolumeClaim',
        namespace: 'nimbus',
        name: 'postgres-data',
        state: 'ready',
      },
    ],
  });

describe('ResourcesCard', () => {
  it('lists each resource with its state chip, in the order given', async () => {
    await renderCard(degraded);

    const table = await screen.findByRole('table', { name: 'Resources' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(shownText)).toEqual([
      'DegradedDeploymentnimbus/worker',
      'ReadyDeploymentnimbus/api',
      'ReadyPersistentVolumeClaimnimbus/postgres-data',
    ]);
    expect(
      within(rows[0]).getByLabelText('Status: Degraded'),
    ).toBeInTheDocument();
  });

  it.each([768, 1280])(
    'at %i px keeps the three columns, a cell each',
    async width => {
      const restore = setWindowWidth(width);
      try {
        await renderCard(degraded);
        const table = await screen.findByRole('table', { name: 'Resources' });
        expect(tableColumns(table)).toEqual({
          headers: ['State', 'Kind', 'Resource'],
          cellCounts: [3, 3, 3],
        });
      } finally {
        restore();
      }
    },
  );

  it('at 768 px wraps a long name with no hyphen or slash inside its cell', async () => {
    const restore = setWindowWidth(768);
    try {
      // Wider than the Resource column's share of about 500 px.
      const name = 'nimbusworkerwithanexceptionallylongnameandnobreaks';
      await renderCard(async () =>
        detailsFixture({
          resources: [
            { kind: 'Deployment', namespace: 'nimbus', name, state: 'ready' },
          ],
        }),
      );
      const table = await screen.findByRole('table', { name: 'Resources' });
      const [, row] = within(table).getAllByRole('row');
      const cell = cellUnder(table, row, 'Resource');
      expect(shownText(cell)).toBe(`nimbus/${name}`);
      // The theme's cells break between words only, which would leave the
      // name one line wider than the card and the table scrolling sideways.
      expect(cell).toHaveStyle({ overflowWrap: 'anywhere' });
    } finally {
      restore();
    }
  });

  it('says so when the instance never reported resource states', async () => {
    await renderCard(async () => detailsFixture({ resources: [] }));

    expect(
      await screen.findByText('This instance has not reported resource states'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  itShowsProgressAndBackendErrors(renderCard, () =>
    screen.queryByRole('table'),
  );
});
