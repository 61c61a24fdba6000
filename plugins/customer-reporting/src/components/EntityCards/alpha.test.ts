import alphaPlugin from '../../alpha';

describe('alpha catalog extensions', () => {
  it.each([
    ['entity-content:customer-reporting/customer-report', 'entity-content'],
    ['entity-card:customer-reporting/customer-health', 'entity-card'],
    ['entity-card:customer-reporting/customers', 'entity-card'],
    ['entity-card:customer-reporting/adoption', 'entity-card'],
  ])('declares %s', (id, kind) => {
    const extension = alphaPlugin.getExtension(id as any);
    // Extensions have no public kind field; their description names it.
    expect(String(extension)).toContain(`kind=${kind}`);
  });
});
