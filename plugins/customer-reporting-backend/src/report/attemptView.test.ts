import { toReportAttempt } from './attemptView';

const at = (time: string) => Date.parse(`2024-03-07T${time}:00Z`);
const HOUR = 3600_000;

/** Started 10:00, registry-login 10:10 and again at 10:50 (steps keep first times). */
const row = {
  id: 'a3',
  install_type: 'helm',
  started_at: at('10:00'),
  completed_at: null,
  failed_at: null,
  discarded_at: null,
  last_event_at: at('10:50'),
  steps: JSON.stringify([
    { step: 'started', at: at('10:00') },
    { step: 'registry-login', at: at('10:10') },
  ]),
};

describe('an install attempt as the report and lists show it', () => {
  it('counts a repeated step as activity, as the SQL status does', () => {
    expect(toReportAttempt(row, at('11:30'), HOUR).status).toBe('in-progress');
    expect(toReportAttempt(row, at('11:50'), HOUR).status).toBe('stalled');
  });
});
