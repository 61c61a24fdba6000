import { normalizeFailureReason } from './failureReason';

describe('normalizeFailureReason', () => {
  it('groups the same failure from different machines', () => {
    expect(
      normalizeFailureReason(
        'ImagePullBackOff for "registry.acme.io/api:1.2.3" after 30s',
      ),
    ).toBe('imagepullbackoff for <value> after <n>s');
    expect(
      normalizeFailureReason(
        'imagepullbackoff  for "registry.other.io/web:2.0.0" after 45s',
      ),
    ).toBe('imagepullbackoff for <value> after <n>s');
  });

  it('masks ids, addresses and hashes', () => {
    expect(
      normalizeFailureReason(
        'node 10.0.3.7:6443 refused job 3f2a9c1e-1b2c-4d5e-8f90-123456789abc',
      ),
    ).toBe('node <ip> refused job <id>');
    expect(
      normalizeFailureReason(
        'layer sha256:9f86d081884c7d659a2feaa0c55ad015 missing',
      ),
    ).toBe('layer <hash> missing');
  });

  it('masks IPv6 addresses, with brackets and port or alone', () => {
    const keys = [
      'dial tcp [2001:db8::1]:443: connection refused',
      'dial tcp [fd00:abcd::7]:443: connection refused',
      'dial tcp 10.0.0.9:443: connection refused',
    ].map(normalizeFailureReason);
    expect(new Set(keys)).toEqual(
      new Set(['dial tcp <ip>: connection refused']),
    );
    expect(
      normalizeFailureReason(
        'no route to fe80:0:0:0:202:b3ff:fe1e:8329 or ::1 at 10:30:00',
      ),
    ).toBe('no route to <ip> or <ip> at <n>:<n>:<n>');
    expect(normalizeFailureReason('std::string too long')).toBe(
      'std::string too long',
    );
  });

  it('keeps numbers that are part of a name', () => {
    expect(
      normalizeFailureReason(
        'x509: certificate signed by unknown authority (k3s node 3)',
      ),
    ).toBe('x509: certificate signed by unknown authority (k3s node <n>)');
  });

  it('has no key for a missing reason', () => {
    expect(normalizeFailureReason(undefined)).toBeNull();
    expect(normalizeFailureReason('   ')).toBeNull();
  });
});
