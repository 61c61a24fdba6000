import { fixtures } from './__fixtures__';
import { testLogger } from './__testUtils__/fakeVendorApi';
import { parseSupportBundles } from './parseSupportBundles';

describe('parseSupportBundles', () => {
  it("reads each bundle's customer and upload time, else its creation time", () => {
    const [bundle] = fixtures.supportBundles.bundles;
    const { uploadedAt, ...notUploaded } = bundle;
    const { items, skipped } = parseSupportBundles(
      {
        bundles: [
          bundle,
          notUploaded,
          { ...notUploaded, createdAt: undefined },
          { ...bundle, customerId: 'not an id' },
        ],
        totalCount: 4,
      },
      testLogger(),
    );
    expect(items).toEqual([
      {
        customerId: bundle.customerId,
        uploadedAt: Date.parse(String(uploadedAt)),
      },
      {
        customerId: bundle.customerId,
        uploadedAt: Date.parse(String(bundle.createdAt)),
      },
    ]);
    expect(skipped).toBe(2);
  });
});
