import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApi, stubDownloads } from '../../__testUtils__';
import { CustomerExports } from './CustomerExports';

describe('CustomerExports', () => {
  let downloads: ReturnType<typeof stubDownloads>;
  beforeEach(() => {
    downloads = stubDownloads();
  });
  afterEach(() => downloads.restore());

  it('downloads each export through the API under its file name', async () => {
    const api = {
      exportCustomersCsv: jest.fn(async () => new Blob(['c'])),
      exportCustomerInstancesCsv: jest.fn(async () => new Blob(['i'])),
    };
    await renderWithApi(<CustomerExports />, api);

    await userEvent.click(
      screen.getByRole('button', { name: 'Customers CSV' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Instances CSV' }),
    );

    expect(api.exportCustomersCsv).toHaveBeenCalledTimes(1);
    expect(api.exportCustomerInstancesCsv).toHaveBeenCalledTimes(1);
    expect(downloads.saved().map(a => a.download)).toEqual([
      'customers.csv',
      'customers-instances.csv',
    ]);
  });
});
