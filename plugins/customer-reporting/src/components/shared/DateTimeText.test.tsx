import { render, screen } from '@testing-library/react';
import { withFixedTimeZone } from '../../__testUtils__';
import { DateTimeText } from './DateTimeText';

describe('DateTimeText', () => {
  withFixedTimeZone();

  it('shows local time with the UTC value in the title', () => {
    render(<DateTimeText iso="2025-06-10T12:30:00Z" />);

    const time = screen.getByText('Jun 10, 2025, 8:30 AM');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', '2025-06-10T12:30:00Z');
    expect(time).toHaveAttribute('title', '2025-06-10 12:30:00 UTC');
  });

  it('wraps only between the date and the time of day', () => {
    render(<DateTimeText iso="2025-06-10T12:30:00Z" />);

    // No-break spaces everywhere but after the last comma: a narrow cell
    // shows 'Jun 10, 2025,' / '8:30 AM', never 'AM' alone on a line.
    expect(screen.getByText('Jun 10, 2025, 8:30 AM').textContent).toBe(
      'Jun\u00a010,\u00a02025, 8:30\u00a0AM',
    );
  });

  it('shows a date only', () => {
    render(<DateTimeText iso="2025-06-10T02:00:00Z" variant="date" />);

    // 2 AM UTC is still the previous day in New York.
    const date = screen.getByText('Jun 9, 2025');
    expect(date).toHaveAttribute('title', '2025-06-10 02:00:00 UTC');
    // A date is short: it never wraps.
    expect(date.textContent).toBe('Jun\u00a09,\u00a02025');
  });

  it('shows relative time with both exact values in the title', () => {
    const iso = new Date(Date.now() - 3 * 3600_000).toISOString();
    render(<DateTimeText iso={iso} variant="relative" />);

    const time = screen.getByText('3 hours ago');
    expect(time.getAttribute('title')).toMatch(/ \(\d{4}-\d\d-\d\d .* UTC\)$/);
  });

  it('shows the placeholder without a valid time', () => {
    const { rerender } = render(
      <DateTimeText iso={null} placeholder="Never" />,
    );
    expect(screen.getByText('Never')).toBeInTheDocument();

    rerender(<DateTimeText iso="someday" />);
    expect(screen.getByText('–')).toBeInTheDocument();
  });
});
