import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LazyTooltip } from './LazyTooltip';

describe('LazyTooltip', () => {
  it('adds no tooltip until hovered, then opens at once and closes on leave', async () => {
    render(
      <LazyTooltip title="Nov 14 (UTC): Up 100%">
        <div role="img" aria-label="bar" />
      </LazyTooltip>,
    );
    const bar = screen.getByRole('img', { name: 'bar' });
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    await userEvent.hover(bar);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Nov 14 (UTC): Up 100%',
    );

    await userEvent.unhover(screen.getByRole('img', { name: 'bar' }));
    await waitFor(() =>
      expect(screen.queryByRole('tooltip')).not.toBeInTheDocument(),
    );

    // Later hovers open it as MUI's Tooltip does.
    await userEvent.hover(screen.getByRole('img', { name: 'bar' }));
    expect(await screen.findByRole('tooltip')).toBeInTheDocument();
  });
});
