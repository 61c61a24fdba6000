import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { uptimeDays } from '../../__testUtils__';
import { UptimeDayBars } from './UptimeDayBars';

describe('UptimeDayBars', () => {
  it('draws a labelled bar per day and the ratio', () => {
    render(<UptimeDayBars days={uptimeDays()} ratio={0.98214} />);

    const group = screen.getByRole('group', {
      name: 'Uptime per day over the last 14 days',
    });
    const bars = within(group).getAllByRole('img');
    expect(bars).toHaveLength(14);
    expect(bars[13]).toHaveAccessibleName(
      'Jun 14 (UTC): Up 75%, Degraded 25%, Down 0%, No data 0%',
    );
    expect(screen.getByText('98.21%')).toBeInTheDocument();
  });

  it('fills each bar with its shares, bottom-up', () => {
    render(<UptimeDayBars days={uptimeDays()} ratio={0.98} />);

    const last = screen.getAllByRole('img')[13];
    // One element per bar; up at the bottom, then degraded; zero shares
    // take no room.
    expect(last.children).toHaveLength(0);
    // The default theme's success and warning colours.
    expect(last.style.backgroundImage).toBe(
      'linear-gradient(to top, rgb(76, 175, 80) 0% 75%, rgb(255, 152, 0) 75% 100%)',
    );
  });

  it('shows the hovered bar in one tooltip, and none once the pointer leaves', async () => {
    render(<UptimeDayBars days={uptimeDays()} ratio={0.98} />);
    const bars = screen.getAllByRole('img');
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    await userEvent.hover(bars[13]);
    expect(screen.getByRole('tooltip')).toHaveTextContent(
      'Jun 14 (UTC)Up 75%, Degraded 25%, Down 0%, No data 0%',
    );

    await userEvent.hover(bars[0]);
    expect(screen.getAllByRole('tooltip')).toHaveLength(1);
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^Jun 1 \(UTC\)/);

    await userEvent.unhover(screen.getByRole('group'));
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('says so when there is no data', () => {
    render(<UptimeDayBars days={[]} ratio={null} />);

    expect(screen.getByText('No data')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('shows a dash without a ratio', () => {
    render(<UptimeDayBars days={uptimeDays()} ratio={null} />);

    expect(screen.getByText('–')).toBeInTheDocument();
  });
});
