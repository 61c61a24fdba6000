import { render, screen, within } from '@testing-library/react';
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

  it('sizes each segment by its share', () => {
    render(<UptimeDayBars days={uptimeDays()} ratio={0.98} />);

    const last = screen.getAllByRole('img')[13];
    const heights = Array.from(last.children).map(
      s => (s as HTMLElement).style.height,
    );
    // Zero shares draw nothing; up first (bottom), then degraded.
    expect(heights).toEqual(['75%', '25%']);
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
