import { createPrivateKey, createPublicKey, KeyObject } from 'crypto';
import { Config } from '@backstage/config';
import { CustomErrorBase } from '@backstage/errors';

/**
 * Public half of the demo license signing key in app-config.demo.yaml, as
 * published in docs/permissions.md: licenses signed with it prove nothing.
 */
export const DEMO_SIGNING_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAHVSKag28ygxxJg/5x28bl1JtCggHOC7uMnmktQ+G8Dg=
-----END PUBLIC KEY-----`;

/** Static tokens published for local use (app-config.demo.yaml). */
export const DEVELOPMENT_TOKENS: readonly string[] = [
  'dev-ingest-token-change-me',
];

const SIGNING_KEY = 'customerReporting.license.signingKey';
const EXTERNAL_ACCESS = 'backend.auth.externalAccess';

/** The configuration is not fit to run outside development. */
export class UnsafeConfigError extends CustomErrorBase {
  name = 'UnsafeConfigError' as const;
}

/**
 * Development is what `backstage-cli package start` (`yarn dev`) sets,
 * NODE_ENV=development, and Jest's NODE_ENV=test. Everything else, the
 * production image's NODE_ENV=production and an unset NODE_ENV included, is
 * outside development.
 */
export function isDevelopment(nodeEnv: string | undefined): boolean {
  return nodeEnv === 'development' || nodeEnv === 'test';
}

function signingKeyProblem(config: Config): string | undefined {
  const pem = config.getOptionalString(SIGNING_KEY);
  if (!pem) {
    return `${SIGNING_KEY} is not set (app-config.production.yaml reads it from CUSTOMER_REPORTING_LICENSE_SIGNING_KEY)`;
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    return `${SIGNING_KEY} is not a private key in PEM (${
      (error as Error).message
    })`;
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    return `${SIGNING_KEY} is a ${key.asymmetricKeyType} key; licenses are signed with Ed25519`;
  }
  const publicDer = createPublicKey(key).export({
    type: 'spki',
    format: 'der',
  });
  const demoDer = createPublicKey(DEMO_SIGNING_PUBLIC_KEY).export({
    type: 'spki',
    format: 'der',
  });
  if (publicDer.equals(demoDer)) {
    return `${SIGNING_KEY} is the published demo key: anyone can sign licenses with it; generate a key of your own (docs/deploy.md)`;
  }
  return undefined;
}

function developmentTokenProblems(config: Config): string[] {
  const entries = config.getOptionalConfigArray(EXTERNAL_ACCESS) ?? [];
  return entries.flatMap((entry, index) => {
    const token = entry.getOptionalString('options.token');
    return token !== undefined && DEVELOPMENT_TOKENS.includes(token)
      ? [
          `${EXTERNAL_ACCESS}[${index}].options.token is the published development token '${token}'`,
        ]
      : [];
  });
}

/** What makes `config` unsafe outside development, one sentence each. */
export function findUnsafeConfig(config: Config): string[] {
  const problems: string[] = [];
  const signingKey = signingKeyProblem(config);
  if (signingKey) problems.push(signingKey);
  problems.push(...developmentTokenProblems(config));
  if (config.getOptionalBoolean('customerReporting.demo.enabled')) {
    problems.push(
      'customerReporting.demo.enabled is true: the demo fleet is for local use (app-config.demo.yaml)',
    );
  }
  return problems;
}

/**
 * Refuses to start outside development with a missing or published signing
 * key, a published development token or the demo fleet, naming each key.
 */
export function assertSafeOutsideDevelopment(
  config: Config,
  nodeEnv: string | undefined,
): void {
  if (isDevelopment(nodeEnv)) return;
  const problems = findUnsafeConfig(config);
  if (problems.length > 0) {
    throw new UnsafeConfigError(
      `Refusing to start outside development (NODE_ENV=${
        nodeEnv ?? 'unset'
      }): ${problems.join('; ')}`,
    );
  }
}
