import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { customer, listOf, renderPage } from '../../__testUtils__/customerList';

// Rendering the full table with MUI selects is slow on a busy machine.
jest.setTimeout(30_000);

describe('CustomersContent filters and sort', () => {
  it('passes the filters of the URL query string to the API', async () => {
    const listCustomers = await renderPage(
      async () => listOf([customer({})]),
      '/customer-reporting?search=acme&appSlug=app-a&channelSlug=beta&licenseType=trial&status=missing&active=false&sort=lastActiveAt&order=desc',
    );

    await screen.findByText('Acme');
    expect(listCustomers).toHaveBeenCalledWith({
      search: 'acme',
      appSlug: 'app-a',
      channelSlug: 'beta',
      licenseType: 'trial',
      status: 'missing',
      active: false,
      sort: 'lastActiveAt',
      order: 'desc',
      limit: 50,
    });
    expect(screen.getByLabelText('Search customers')).toHaveValue('acme');
  });

  it('ignores unknown license types, statuses and sorts in the URL', async () => {
    const listCustomers = await renderPage(
      async () => listOf([customer({})]),
      '/customer-reporting?licenseType=gold&status=fine&sort=size&order=up',
    );

    await screen.findByText('Acme');
    expect(listCustomers.mock.calls[0][0]).toMatchObject({
      licenseType: undefined,
      status: undefined,
      sort: 'name',
      order: 'asc',
    });
  });

  it('sorts on the backend from the column headers, a second click reversing', async () => {
    const listCustomers = await renderPage(async () => listOf([customer({})]));
    await screen.findByText('Acme');

    await userEvent.click(screen.getByRole('button', { name: 'Health' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'status', order: 'asc' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Health' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'status', order: 'desc' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Last active' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'lastActiveAt', order: 'asc' }),
    );
  });

  it('filters by app and channel from selects of known ones, and by health', async () => {
    const listCustomers = await renderPage(async () => listOf([customer({})]));
    await screen.findByText('Acme');

    await userEvent.click(screen.getByLabelText('App'));
    await userEvent.click(await screen.findByRole('option', { name: 'App B' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ appSlug: 'app-b' }),
    );
    // The channel select offers the chosen app's channels only.
    await userEvent.click(screen.getByLabelText('Channel'));
    expect(screen.queryByRole('option', { name: 'Beta' })).toBeNull();
    await userEvent.click(screen.getByRole('option', { name: 'LTS' }));
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ appSlug: 'app-b', channelSlug: 'lts' }),
    );

    await userEvent.click(screen.getByLabelText('Health'));
    await userEvent.click(
      screen.getByRole('option', { name: 'Missing (worst)' }),
    );
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ status: 'missing' }),
    );
  });

  it('offers to clear filters when filters leave nothing', async () => {
    const listCustomers = await renderPage(
      async query => listOf(query?.search ? [] : [customer({})]),
      '/customer-reporting?search=nobody',
    );
    expect(await screen.findByText('No customers')).toBeInTheDocument();
    expect(
      screen.getByText('No customer matches these filters.'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getAllByRole('button', { name: 'Clear filters' })[1],
    );

    expect(await screen.findByText('Acme')).toBeInTheDocument();
    expect(listCustomers).toHaveBeenLastCalledWith(
      expect.objectContaining({ search: '' }),
    );
  });
});
