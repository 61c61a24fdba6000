import { mayArchiveInstance } from './instanceArchiving';

describe('mayArchiveInstance', () => {
  const activeOnline = { active: true, airgap: false };

  it('allows an inactive instance', () => {
    expect(mayArchiveInstance({ active: false, airgap: false }, 'paid')).toBe(
      true,
    );
  });

  it('allows an air gap instance', () => {
    expect(mayArchiveInstance({ active: true, airgap: true }, 'paid')).toBe(
      true,
    );
  });

  it('allows an instance of a development license', () => {
    expect(mayArchiveInstance(activeOnline, 'dev')).toBe(true);
  });

  it('refuses an active online instance of any other license', () => {
    expect(mayArchiveInstance(activeOnline, 'paid')).toBe(false);
  });
});
