import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AlertRule } from '@customer-reporting/plugin-customer-reporting-common';
import { renderWithApi } from '../../__testUtils__';
import { AlertsContent } from './AlertsContent';
import { delivery, downRule } from './fixtures';

describe('AlertsContent', () => {
  it('shows the rules and the log, and a subject muted from the log shows on its rule', async () => {
    let rule: AlertRule = downRule;
    const muteAlertRule = jest.fn(async (_id: string, mute: any) => {
      rule = { ...rule, mutes: [{ ...mute, createdBy: 'user:default/x' }] };
      return rule;
    });
    await renderWithApi(<AlertsContent />, {
      listAlertRules: async () => ({ items: [rule] }),
      listAlertDeliveries: async () => ({ items: [delivery] }),
      muteAlertRule,
    });
    expect(
      await screen.findByRole('table', { name: 'Alert rules' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Alert deliveries' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/inst_1 muted until/)).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Mute inst_1 for 24 hours' }),
    );
    await waitFor(() =>
      expect(screen.getByText(/inst_1 muted until/)).toBeInTheDocument(),
    );
  });
});
