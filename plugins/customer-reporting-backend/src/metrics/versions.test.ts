import { displayVersion, versionStanding } from './versions';

const DAY = 86_400_000;
const releases = [
  { sequence: 1, versionLabel: '1.0.0', promotedAt: 0 },
  { sequence: 2, versionLabel: '1.1.0', promotedAt: 10 * DAY },
  { sequence: 3, versionLabel: '1.2.0', promotedAt: 25 * DAY },
  { sequence: 4, versionLabel: '1.3.0', promotedAt: 40 * DAY },
];

describe('versionStanding', () => {
  it('counts releases promoted after the running one and their ages', () => {
    expect(versionStanding(releases, { sequence: 2 }, 30 * DAY)).toEqual({
      versionsBehind: 1,
      ageSeconds: 20 * 86400,
      relativeAgeDays: 15,
    });
    expect(
      versionStanding(releases, { versionLabel: '1.3.0' }, 41 * DAY)
        .versionsBehind,
    ).toBe(0);
  });

  it('gives nulls for an unknown release', () => {
    expect(
      versionStanding(releases, { versionLabel: '9.9.9' }, 41 * DAY),
    ).toEqual({
      versionsBehind: null,
      ageSeconds: null,
      relativeAgeDays: null,
    });
  });

  it('shows the label, else the sequence', () => {
    expect(displayVersion('1.0.0', 1)).toBe('1.0.0');
    expect(displayVersion(null, 7)).toBe('7');
    expect(displayVersion(undefined, undefined)).toBeNull();
  });
});
