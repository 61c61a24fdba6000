import { screen } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { renderWithPermission } from '../CustomerActions/__testUtils__/renderWithPermission';
import { DataSourcesContent } from './DataSourcesContent';

// Only the denied case here: usePermission caches answers by permission in a
// module-wide SWR cache, so two decisions cannot share a file. The allowed
// tab is the DataSourcesCard of DataSourcesCard.test.tsx.
describe('DataSourcesContent', () => {
  it('says why the tab is empty instead of asking the backend', async () => {
    const listDataSources = jest.fn(async () => ({ items: [] }));
    await renderWithPermission(
      <DataSourcesContent />,
      { listDataSources },
      AuthorizeResult.DENY,
    );

    expect(
      await screen.findByText(
        "You don't have permission to see the data sources",
      ),
    ).toBeInTheDocument();
    expect(listDataSources).not.toHaveBeenCalled();
  });
});
