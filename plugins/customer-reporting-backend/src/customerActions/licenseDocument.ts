import {
  createPrivateKey,
  createPublicKey,
  KeyObject,
  sign,
  verify,
} from 'crypto';
import YAML from 'yaml';

/** The license fields that are signed. */
export interface LicenseSpec {
  customerId: string;
  customerName: string;
  email: string | null;
  appSlug: string;
  channel: string;
  licenseType: string;
  licenseId: string;
  createdAt: string;
  expiresAt: string | null;
  entitlements: Record<string, boolean>;
  customFields: { name: string; value: string }[];
}

/**
 * The exact bytes that are signed: the spec as JSON with sorted keys, so a
 * verifier can rebuild them from the YAML document.
 */
export function signedBytes(spec: LicenseSpec): Buffer {
  return Buffer.from(JSON.stringify(sortKeys(spec)), 'utf8');
}

/** A YAML license document signed with an Ed25519 private key (PEM). */
export function signedLicenseYaml(
  spec: LicenseSpec,
  privateKeyPem: string,
  issuedAt: string,
): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error('The license signing key must be an Ed25519 key');
  const signature = sign(null, signedBytes(spec), key).toString('base64');
  return YAML.stringify({
    apiVersion: 'customer-reporting/v1',
    kind: 'License',
    issuedAt,
    spec: sortKeys(spec),
    signature: {
      algorithm: 'Ed25519',
      value: signature,
      signs: 'JSON of spec with sorted keys',
    },
  });
}

/** Verifies a document from {@link signedLicenseYaml} with the public key (PEM). */
export function verifyLicenseYaml(
  document: string,
  publicKeyPem: string | KeyObject,
): boolean {
  const parsed = YAML.parse(document);
  const key =
    typeof publicKeyPem === 'string'
      ? createPublicKey(publicKeyPem)
      : publicKeyPem;
  return verify(
    null,
    signedBytes(parsed.spec),
    key,
    Buffer.from(parsed.signature.value, 'base64'),
  );
}

/** `Acme, Inc.` → `acme-inc` for the download's file name. */
export function licenseFileName(customerName: string): string {
  const slug = customerName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'customer'}-license.yaml`;
}

function sortKeys(value: unknown): any {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map(k => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
