import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { signedLicenseYaml, verifyLicenseYaml } from './licenseDocument';

const root = path.resolve(__dirname, '../../../..');

describe('the documented demo key', () => {
  it('verifies licenses signed with the key in app-config.demo.yaml', () => {
    const config = YAML.parse(
      fs.readFileSync(path.join(root, 'app-config.demo.yaml'), 'utf8'),
    );
    const docs = fs.readFileSync(
      path.join(root, 'docs/permissions.md'),
      'utf8',
    );
    const publicKey = docs.match(
      /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/,
    )![0];
    const spec = {
      customerId: 'c1',
      customerName: 'Acme Corp',
      email: 'ops@acme.example.com',
      appSlug: 'nimbus',
      channel: 'stable',
      licenseType: 'paid',
      licenseId: 'lic-1',
      createdAt: '2024-06-01T09:00:00.000Z',
      expiresAt: null,
      entitlements: { gitops: true },
      customFields: [],
    };
    const document = signedLicenseYaml(
      spec,
      config.customerReporting.license.signingKey,
      '2024-07-01T00:00:00.000Z',
    );
    expect(verifyLicenseYaml(document, publicKey)).toBe(true);
  });
});
