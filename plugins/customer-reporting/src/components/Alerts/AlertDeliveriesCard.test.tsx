import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  pending,
  renderWithApi,
  responseError,
  withFixedTimeZone,
} from '../../__testUtils__';
import { AlertDeliveriesCard } from './AlertDeliveriesCard';
import { delivery } from './fixtures';

describe('AlertDeliveriesCard', () => {
  withFixedTimeZone();

  it('shows what was sent, to whom, when, about what, and failed sends', async () => {
    await renderWithApi(<AlertDeliveriesCard />, {
      listAlertDeliveries: async () => ({
        items: [
          {
            ...delivery,
            kind: 'recovered',
            title: 'Recovered: Acme Corp: instance inst_1 is ready again',
            sentAt: '2024-07-02T13:00:00.000Z',
            error: 'NotFoundError: no such group',
          },
          delivery,
        ],
      }),
    });
    const table = await screen.findByRole('table', {
      name: 'Alert deliveries',
    });
    const [, recovered, firing] = within(table).getAllByRole('row');
    expect(recovered).toHaveTextContent('Recovered');
    expect(recovered).toHaveTextContent('Failed: NotFoundError: no such group');
    expect(firing).toHaveTextContent('Production down');
    expect(firing).toHaveTextContent('Alert');
    expect(firing).toHaveTextContent(
      'Acme Corp: instance inst_1 is unavailable for 45 min',
    );
    expect(firing).toHaveTextContent('subject inst_1');
    expect(firing).toHaveTextContent('group:default/sre');
    expect(firing).toHaveTextContent('Sent');
    expect(
      within(firing).getByTitle('2024-07-02 12:00:01 UTC'),
    ).toBeInTheDocument();
  });

  it('mutes the subject of a delivery for 24 hours', async () => {
    const muteAlertRule = jest.fn(async () => ({} as any));
    const onMuted = jest.fn();
    await renderWithApi(<AlertDeliveriesCard onMuted={onMuted} />, {
      listAlertDeliveries: async () => ({ items: [delivery] }),
      muteAlertRule,
    });
    const before = Date.now();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Mute inst_1 for 24 hours' }),
    );
    await waitFor(() => expect(onMuted).toHaveBeenCalled());
    const [ruleId, mute] = muteAlertRule.mock.calls[0] as any;
    expect(ruleId).toBe('down');
    expect(mute.subject).toBe('inst_1');
    expect(Date.parse(mute.until) - before).toBeGreaterThanOrEqual(
      24 * 3_600_000,
    );
  });

  it('shows progress, the empty state and errors', async () => {
    const { unmount } = await renderWithApi(<AlertDeliveriesCard />, {
      listAlertDeliveries: () => pending(),
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    unmount();

    const view = await renderWithApi(<AlertDeliveriesCard />, {
      listAlertDeliveries: async () => ({ items: [] }),
    });
    expect(
      await screen.findByText('Nothing has been sent yet.'),
    ).toBeInTheDocument();
    view.unmount();

    const error = await responseError(500, 'Error', 'database is down');
    await renderWithApi(<AlertDeliveriesCard />, {
      listAlertDeliveries: () => Promise.reject(error),
    });
    expect(await screen.findAllByText(/database is down/)).not.toHaveLength(0);
  });
});
