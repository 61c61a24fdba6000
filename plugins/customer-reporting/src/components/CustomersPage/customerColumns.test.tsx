import { customerColumns } from './customerColumns';

const state = { sort: 'name', order: 'asc', onSort: () => {} } as const;
const shown = (narrow: boolean) =>
  customerColumns(state as any, () => '', narrow)
    .filter(c => !c.hidden)
    .map(c => c.field);

describe('customerColumns', () => {
  it('keeps customer, license and health in a narrow window, every column in a wide one', () => {
    // 768 px beside the open sidebar leaves the table about 500 px.
    expect(shown(true)).toEqual(['name', 'expiresAt', 'status']);
    expect(shown(false)).toEqual([
      'name',
      'appSlug',
      'expiresAt',
      'status',
      'activeInstances',
      'lastActiveAt',
      'timeToInstallSeconds',
    ]);
  });
});
