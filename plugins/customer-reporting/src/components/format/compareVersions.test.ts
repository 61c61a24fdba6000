import { compareVersions } from './compareVersions';

describe('compareVersions', () => {
  it('sorts versions by their numbers, not as text', () => {
    expect(
      ['2.10.0', '2.6.1', '2.9.12', '10.0.0', '2.6.10', '1.0.0'].sort(
        compareVersions,
      ),
    ).toEqual(['1.0.0', '2.6.1', '2.6.10', '2.9.12', '2.10.0', '10.0.0']);
  });

  it('puts pre-releases before their release', () => {
    expect(
      ['2.10.0', '2.10.0-beta.10', '2.10.0-beta.2', '2.9.0'].sort(
        compareVersions,
      ),
    ).toEqual(['2.9.0', '2.10.0-beta.2', '2.10.0-beta.10', '2.10.0']);
  });

  it('ignores a leading v and still orders other labels', () => {
    expect(compareVersions('v2.6.1', '2.10')).toBeLessThan(0);
    expect(compareVersions('2.6.1', '2.6.1')).toBe(0);
    expect(['build 12', 'build 3'].sort(compareVersions)).toEqual([
      'build 3',
      'build 12',
    ]);
  });
});
