import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApi } from '../../__testUtils__';
import { CustomerExports } from './CustomerExports';

describe('CustomerExports', () => {
  let click: jest.SpyInstance;
  beforeEach(() => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:csv'),
      revokeObjectURL: jest.fn(),
    });
    click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
  });
  afterEach(() => click.mockRestore());

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
    expect(
      click.mock.instances.map(
        a => (a as unknown as HTMLAnchorElement).download,
      ),
    ).toEqual(['customers.csv', 'customers-instances.csv']);
  });
});
