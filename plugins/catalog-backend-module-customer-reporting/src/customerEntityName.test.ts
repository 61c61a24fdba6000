import { createHash } from 'crypto';
import { customerEntityName } from './customerEntity';

const NAME = /^[a-z0-9]+([-_.][a-z0-9]+)*$/;
const hash8 = (id: string) =>
  createHash('sha256').update(id).digest('hex').slice(0, 8);

describe('customerEntityName', () => {
  it('makes stable catalog names from any customer id, one per id', () => {
    // An id that is a catalog name already keeps it as it was.
    expect(customerEntityName('c1')).toBe('customer-c1');
    expect(customerEntityName('cust-0a1b.c_2')).toBe('customer-cust-0a1b.c_2');
    expect(customerEntityName('cust_ABC:123@x')).toMatch(
      /^customer-cust_abc-123-x-[0-9a-f]{8}$/,
    );
    expect(customerEntityName('--a--')).toMatch(/^customer-a-[0-9a-f]{8}$/);
    expect(customerEntityName('cust_ABC:123@x')).toBe(
      customerEntityName('cust_ABC:123@x'),
    );
    // Ids the API stores as different customers never share an entity.
    const long = 'x'.repeat(60);
    const families = [
      ['CASE-1', 'case-1', 'Case-1'],
      ['a:b', 'a@b', 'a-b'],
      ['...', '@@@', '._.'],
      [`${long}-1`, `${long}-2`, 'x'.repeat(54)],
    ];
    for (const ids of families) {
      const names = ids.map(customerEntityName);
      expect(new Set(names).size).toBe(ids.length);
      for (const name of names) {
        expect(name.length).toBeLessThanOrEqual(63);
        expect(name).toMatch(NAME);
      }
    }
  });
  it('gives a plain id shaped like another id’s hashed name a name of its own', () => {
    // Ids the ingest accepts that a caller can craft from another id: its
    // cleaned form and hash, and the bare hash of an id that cleans to
    // nothing.
    const pairs = [
      ['CUST:Acme@EU', `cust-acme-eu-${hash8('CUST:Acme@EU')}`],
      ['...', hash8('...')],
      ['x'.repeat(60), `${'x'.repeat(45)}-${hash8('x'.repeat(60))}`],
    ];
    for (const [id, crafted] of pairs) {
      expect(customerEntityName(crafted)).not.toBe(customerEntityName(id));
      expect(customerEntityName(crafted)).toMatch(NAME);
      expect(customerEntityName(crafted).length).toBeLessThanOrEqual(63);
    }
    // Ordinary ids keep the names their entities have had.
    expect(customerEntityName('cust-3312d1fac9ca')).toBe(
      'customer-cust-3312d1fac9ca',
    );
    expect(customerEntityName('acme-2024')).toBe('customer-acme-2024');
  });
});
