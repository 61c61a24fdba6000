import { screen, within } from '@testing-library/react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { renderWithPermission } from '../CustomerActions/__testUtils__/renderWithPermission';
import { AlertRulesCard } from './AlertRulesCard';
import { downRule } from './fixtures';

// Its own file: usePermission caches a basic permission's decision per module.
describe('AlertRulesCard without the manage permission', () => {
  it('lists the rules without any button to change them', async () => {
    await renderWithPermission(
      <AlertRulesCard />,
      { listAlertRules: async () => ({ items: [downRule] }) },
      AuthorizeResult.DENY,
    );
    const table = await screen.findByRole('table', { name: 'Alert rules' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(
      'Production down',
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
