import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { CsvDownloadButton } from './CsvDownloadButton';

// A file of its own: usePermission caches answers by permission in a
// module-wide SWR cache, so an allowed render in the same file would answer
// this one.
describe('CsvDownloadButton for users who may not export', () => {
  it('is disabled, says why, and fetches nothing', async () => {
    const fetchCsv = jest.fn(async () => new Blob(['id\n']));
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [alertApiRef, { post: jest.fn() }],
          [
            permissionApiRef,
            mockApis.permission({ authorize: AuthorizeResult.DENY }),
          ],
        ]}
      >
        <CsvDownloadButton
          label="Customers CSV"
          filename="customers.csv"
          fetchCsv={fetchCsv}
        />
      </TestApiProvider>,
    );

    const button = await screen.findByRole('button', {
      name: 'Customers CSV',
    });
    expect(button).toBeDisabled();
    await userEvent.hover(button.parentElement!);
    expect(
      await screen.findByText("You don't have permission to export CSV files"),
    ).toBeInTheDocument();
    expect(fetchCsv).not.toHaveBeenCalled();
  });
});
