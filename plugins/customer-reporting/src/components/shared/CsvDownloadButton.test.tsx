import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { alertApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { stubDownloads } from '../../__testUtils__/downloads';
import { responseError } from '../../__testUtils__';
import { CsvDownloadButton } from './CsvDownloadButton';

describe('CsvDownloadButton', () => {
  const alertApi = { post: jest.fn() };
  let downloads: ReturnType<typeof stubDownloads>;

  beforeEach(() => {
    alertApi.post.mockReset();
    downloads = stubDownloads('blob:csv');
  });
  afterEach(() => downloads.restore());

  async function renderButton(fetchCsv: () => Promise<Blob>) {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [alertApiRef, alertApi],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <CsvDownloadButton
          label="Customers CSV"
          filename="customers.csv"
          fetchCsv={fetchCsv}
        />
      </TestApiProvider>,
    );
  }

  it('saves the fetched file under its name', async () => {
    const blob = new Blob(['id\n']);
    await renderButton(async () => blob);

    await userEvent.click(
      screen.getByRole('button', { name: 'Customers CSV' }),
    );

    expect(downloads.createObjectURL).toHaveBeenCalledWith(blob);
    const [link] = downloads.saved();
    expect(link.download).toBe('customers.csv');
    expect(link.href).toBe('blob:csv');
    // The temporary link does not stay in the page.
    expect(document.querySelector('a[download]')).toBeNull();
    expect(alertApi.post).not.toHaveBeenCalled();
  });

  it('reports a failed download in the alert bar', async () => {
    await renderButton(async () => {
      throw new Error('403 Forbidden');
    });

    await userEvent.click(
      screen.getByRole('button', { name: 'Customers CSV' }),
    );

    expect(alertApi.post).toHaveBeenCalledWith({
      message: 'Could not download customers.csv: 403 Forbidden',
      severity: 'error',
    });
    expect(downloads.saved()).toEqual([]);
    expect(
      screen.getByRole('button', { name: 'Customers CSV' }),
    ).not.toBeDisabled();
  });

  it("reports the backend's reason, not the bare status, when it refuses", async () => {
    const refusal = await responseError(
      403,
      'NotAllowedError',
      'customer-reporting.export is not allowed',
    );
    await renderButton(() => Promise.reject(refusal));

    await userEvent.click(
      screen.getByRole('button', { name: 'Customers CSV' }),
    );

    expect(alertApi.post).toHaveBeenCalledWith({
      message:
        'Could not download customers.csv: customer-reporting.export is not allowed',
      severity: 'error',
    });
  });
});
