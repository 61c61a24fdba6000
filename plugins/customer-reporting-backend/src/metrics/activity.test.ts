import {
  countActivities,
  instanceActivity,
  isCustomerActive,
} from './activity';

const DAY = 24 * 3600_000;
const now = Date.parse('2024-07-02T12:00:00Z');

describe('instanceActivity', () => {
  it('matches domain example 5', () => {
    const online = { airgap: false, archived: false };
    expect(
      instanceActivity(
        { ...online, lastCheckInAt: Date.parse('2024-07-01T12:00:30Z') },
        now,
        DAY,
      ),
    ).toBe('active');
    expect(
      instanceActivity(
        { ...online, lastCheckInAt: Date.parse('2024-07-01T11:59:00Z') },
        now,
        DAY,
      ),
    ).toBe('inactive');
    expect(
      instanceActivity({ ...online, lastCheckInAt: now - DAY }, now, DAY),
    ).toBe('active');
  });

  it('keeps air gap instances out of the 24 h rule and archived ones apart', () => {
    expect(
      instanceActivity(
        { airgap: true, archived: false, lastCheckInAt: now - 30 * DAY },
        now,
        DAY,
      ),
    ).toBe('airgap');
    expect(
      instanceActivity(
        { airgap: false, archived: true, lastCheckInAt: now },
        now,
        DAY,
      ),
    ).toBe('archived');
  });

  it('rolls up to the customer', () => {
    expect(isCustomerActive(['inactive', 'airgap'])).toBe(true);
    expect(isCustomerActive(['inactive', 'archived'])).toBe(false);
    expect(countActivities(['active', 'active', 'airgap', 'inactive'])).toEqual(
      { active: 2, airgap: 1, inactive: 1, archived: 0 },
    );
  });
});
