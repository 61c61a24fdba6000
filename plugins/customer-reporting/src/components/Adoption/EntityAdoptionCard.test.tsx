import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { CustomerReportingApi } from '../../api';
import { pending, renderWithApi, responseError } from '../../__testUtils__';
import { EntityAdoptionCard } from './EntityAdoptionCard';
import { adoptionFixture, adoptionPoint } from './testData';

const component = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'nimbus-api', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'nimbus-team' },
});

async function renderCard(
  api: Partial<CustomerReportingApi>,
  entity = component({ 'customer-reporting/app': 'nimbus' }),
) {
  await renderWithApi(
    <EntityProvider entity={entity}>
      <EntityAdoptionCard />
    </EntityProvider>,
    api,
  );
}

describe('EntityAdoptionCard', () => {
  it('shows today’s shares behind latest, the median days to half and a link to the tab', async () => {
    const getAppAdoption = jest.fn(async () =>
      adoptionFixture({ range: '30d' }),
    );
    await renderCard({ getAppAdoption });

    expect(await screen.findByText('Active instances')).toBeInTheDocument();
    expect(getAppAdoption).toHaveBeenCalledWith('nimbus', {
      range: '30d',
      channelSlug: undefined,
      asOf: undefined,
    });
    const value = (label: string) =>
      screen.getByText(label, { selector: 'dt' }).nextElementSibling
        ?.textContent;
    expect(value('Active instances')).toBe('5');
    expect(value('Latest')).toBe('60% (3)');
    expect(value('1 behind')).toBe('20% (1)');
    expect(value('3+ behind')).toBe('20% (1)');
    expect(value('Days to half')).toBe('median 2 days over 1 release');
    expect(
      screen.getByRole('img', { name: /^Share of active instances of nimbus/ }),
    ).toHaveAccessibleName(
      'Share of active instances of nimbus by versions behind: today: Latest 60%, 1 behind 20%, 2 behind 0%, 3+ behind 20%',
    );
    expect(
      screen.getByRole('link', { name: 'Adoption of nimbus by channel' }),
    ).toHaveAttribute('href', '/customer-reporting/adoption?appSlug=nimbus');
  });

  it('says so when nothing is active now', async () => {
    await renderCard({
      getAppAdoption: async () =>
        adoptionFixture({
          points: [adoptionPoint('2025-06-02', [0, 0, 0, 0])],
          medianDaysToHalf: null,
        }),
    });
    expect(
      await screen.findByText('No active instances of nimbus now'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderCard({ getAppAdoption: () => pending() });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the backend’s error with Retry', async () => {
    const error = await responseError(500, 'Error', 'database down');
    await renderCard({
      getAppAdoption: async () => {
        throw error;
      },
    });
    expect(await screen.findByText('database down')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('says no data has arrived for an app the backend does not know', async () => {
    const error = await responseError(404, 'NotFoundError', 'Unknown app');
    await renderCard({
      getAppAdoption: async () => {
        throw error;
      },
    });
    expect(
      await screen.findByText('No data about nimbus has been received yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Unknown app')).not.toBeInTheDocument();
  });

  it('asks for the annotation when the entity has none', async () => {
    const getAppAdoption = jest.fn();
    await renderCard({ getAppAdoption }, component());
    expect(
      await screen.findByText('customer-reporting/app', { selector: 'code' }),
    ).toBeInTheDocument();
    expect(getAppAdoption).not.toHaveBeenCalled();
  });
});
