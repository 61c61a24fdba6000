import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InstanceEventList } from '@customer-reporting/plugin-customer-reporting-common';
import {
  detailsFixture,
  eventFixture,
  withFixedTimeZone,
  itShowsProgressAndBackendErrors,
  renderInstanceCard,
  setWindowWidth,
  shownText,
  tableColumns,
} from '../../__testUtils__';
import { InstanceEventsQuery } from '../../api';
import { ActivityStreamCard } from './ActivityStreamCard';

type ListEvents = (
  id: string,
  query?: InstanceEventsQuery,
) => Promise<InstanceEventList>;

async function renderCard(listEvents: ListEvents) {
  const listInstanceEvents = jest.fn(listEvents);
  await renderInstanceCard(<ActivityStreamCard />, {
    getInstance: async () => detailsFixture(),
    listInstanceEvents,
  });
  return listInstanceEvents;
}

const versionEvent = eventFixture({
  at: '2025-06-13T09:00:00Z',
  field: 'appVersion',
  label: 'App version',
  category: 'version',
  value: '2.11.0',
  previousValue: '2.10.0',
});

const deployment = (name: string, previousState: any, state: any) => ({
  kind: 'Deployment',
  namespace: 'app',
  name,
  previousState,
  state,
});

/** Six resources changed: five are named, the sixth counted. */
const resourcesEvent = eventFixture({
  at: '2025-06-14T10:00:00Z',
  field: 'resourceStates',
  label: 'Resource states',
  value: [],
  previousValue: [],
  changes: [
    deployment('api', 'ready', 'unavailable'),
    deployment('jobs', null, 'ready'),
    deployment('web', 'ready', null),
    deployment('w1', 'ready', 'degraded'),
    deployment('w2', 'ready', 'degraded'),
    deployment('w3', 'ready', 'degraded'),
  ],
});

describe('ActivityStreamCard', () => {
  withFixedTimeZone();

  it('lists events newest first with time, category and change', async () => {
    const listInstanceEvents = await renderCard(async () => ({
      items: [eventFixture(), versionEvent],
      nextCursor: null,
    }));

    const table = await screen.findByRole('table', { name: 'Activity' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(shownText)).toEqual([
      'Jun 14, 2025, 5:00 AMStatusApp status: ready → unavailable',
      'Jun 13, 2025, 5:00 AMVersionApp version: 2.10.0 → 2.11.0',
    ]);
    expect(listInstanceEvents).toHaveBeenCalledWith('ins_1234567890', {
      category: undefined,
      limit: 25,
      asOf: undefined,
    });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('names the resources a resource states event changed instead of listing them all', async () => {
    await renderCard(async () => ({
      items: [resourcesEvent],
      nextCursor: null,
    }));

    const table = await screen.findByRole('table', { name: 'Activity' });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(shownText(row)).toBe(
      'Jun 14, 2025, 6:00 AMStatusResource states: ' +
        'Deployment app/api: ready → unavailable' +
        'Deployment app/jobs: none → ready' +
        'Deployment app/web: ready → none' +
        'Deployment app/w1: ready → degraded' +
        'Deployment app/w2: ready → degraded' +
        'and 1 more resource',
    );
  });

  it.each([
    // 768 px beside the open sidebar leaves the table about 500 px; the
    // change names the field, and the filter still picks a category.
    [768, ['Time', 'Change']],
    [1280, ['Time', 'Category', 'Change']],
  ])('at %i px shows the columns %j, a cell each', async (width, headers) => {
    const restore = setWindowWidth(width);
    try {
      await renderCard(async () => ({
        items: [resourcesEvent, eventFixture(), versionEvent],
        nextCursor: null,
      }));
      const table = await screen.findByRole('table', { name: 'Activity' });
      expect(tableColumns(table)).toEqual({
        headers,
        cellCounts: [headers.length, headers.length, headers.length],
      });
    } finally {
      restore();
    }
  });

  it('filters by category', async () => {
    const listInstanceEvents = await renderCard(async (_id, query) => ({
      items: query?.category === 'version' ? [versionEvent] : [eventFixture()],
      nextCursor: null,
    }));
    await screen.findByText(/ready → unavailable/);

    await userEvent.click(screen.getByRole('button', { name: /Category/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Version' }));

    expect(await screen.findByText(/2\.10\.0 → 2\.11\.0/)).toBeInTheDocument();
    expect(screen.queryByText(/ready → unavailable/)).not.toBeInTheDocument();
    expect(listInstanceEvents).toHaveBeenLastCalledWith('ins_1234567890', {
      category: 'version',
      limit: 25,
      asOf: undefined,
    });
  });

  it('appends older events with "Load more"', async () => {
    const listInstanceEvents = await renderCard(async (_id, query) =>
      query?.cursor === 'c2'
        ? { items: [versionEvent], nextCursor: null }
        : { items: [eventFixture()], nextCursor: 'c2' },
    );
    await screen.findByText(/ready → unavailable/);

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText(/2\.10\.0 → 2\.11\.0/)).toBeInTheDocument();
    expect(screen.getByText(/ready → unavailable/)).toBeInTheDocument();
    expect(listInstanceEvents).toHaveBeenLastCalledWith('ins_1234567890', {
      category: undefined,
      limit: 25,
      cursor: 'c2',
      asOf: undefined,
    });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says so when there are no events', async () => {
    await renderCard(async () => ({ items: [], nextCursor: null }));

    expect(await screen.findByText('No events yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  itShowsProgressAndBackendErrors(renderCard, () =>
    screen.queryByRole('table'),
  );
});
