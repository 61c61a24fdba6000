import fs from 'fs';
import path from 'path';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'crypto';
import request from 'supertest';
import YAML from 'yaml';
import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { ConfigReader } from '@backstage/config';
import { customerReportingPlugin } from '../plugin';
import {
  DEMO_SIGNING_PUBLIC_KEY,
  DEVELOPMENT_TOKENS,
  assertSafeOutsideDevelopment,
  findUnsafeConfig,
} from './productionSafety';

const root = path.resolve(__dirname, '../../../..');
const demoConfig = YAML.parse(
  fs.readFileSync(path.join(root, 'app-config.demo.yaml'), 'utf8'),
);
const DEMO_KEY: string = demoConfig.customerReporting.license.signingKey;

function freshSigningKey(): string {
  return generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

describe('findUnsafeConfig', () => {
  const safe = {
    backend: {
      auth: {
        externalAccess: [
          { type: 'static', options: { token: 'x'.repeat(32), subject: 'i' } },
        ],
      },
    },
    customerReporting: { license: { signingKey: freshSigningKey() } },
  };

  it('finds nothing in a configuration with its own key and token', () => {
    expect(findUnsafeConfig(new ConfigReader(safe))).toEqual([]);
  });

  it.each([
    [
      'a missing signing key',
      { customerReporting: { license: { signingKey: null } } },
      /^customerReporting\.license\.signingKey is not set/,
    ],
    [
      'the demo signing key',
      { customerReporting: { license: { signingKey: DEMO_KEY } } },
      /^customerReporting\.license\.signingKey is the published demo key/,
    ],
    [
      'a signing key that is no PEM',
      { customerReporting: { license: { signingKey: 'not a key' } } },
      /^customerReporting\.license\.signingKey is not a private key in PEM/,
    ],
    [
      'a signing key of another algorithm',
      {
        customerReporting: {
          license: {
            signingKey: generateKeyPairSync('ec', { namedCurve: 'P-256' })
              .privateKey.export({ type: 'pkcs8', format: 'pem' })
              .toString(),
          },
        },
      },
      /^customerReporting\.license\.signingKey is a ec key/,
    ],
    [
      'the development token among others',
      {
        backend: {
          auth: {
            externalAccess: [
              ...safe.backend.auth.externalAccess,
              demoConfig.backend.auth.externalAccess[0],
            ],
          },
        },
      },
      /^backend\.auth\.externalAccess\[1\]\.options\.token is the published development token 'dev-ingest-token-change-me'/,
    ],
    [
      'the demo fleet',
      { customerReporting: { demo: { enabled: true } } },
      /^customerReporting\.demo\.enabled is true/,
    ],
  ])('names the key for %s', (_what, override, expected) => {
    // Later configs win, as later --config files do; null removes a key.
    const config = ConfigReader.fromConfigs([
      { context: 'safe', data: safe },
      { context: 'override', data: override },
    ]);
    const problems = findUnsafeConfig(config);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('applies outside development only', () => {
    const unsafe = new ConfigReader({});
    expect(() =>
      assertSafeOutsideDevelopment(unsafe, 'development'),
    ).not.toThrow();
    expect(() => assertSafeOutsideDevelopment(unsafe, 'test')).not.toThrow();
    for (const nodeEnv of ['production', undefined]) {
      expect(() => assertSafeOutsideDevelopment(unsafe, nodeEnv)).toThrow(
        /^Refusing to start outside development \(NODE_ENV=\w+\): customerReporting\.license\.signingKey is not set/,
      );
    }
  });
});

describe('the published demo values', () => {
  it('DEMO_SIGNING_PUBLIC_KEY is the public half of the key in app-config.demo.yaml and docs/permissions.md', () => {
    const derived = createPublicKey(DEMO_KEY)
      .export({ type: 'spki', format: 'pem' })
      .toString()
      .trim();
    expect(derived).toBe(DEMO_SIGNING_PUBLIC_KEY);
    expect(
      fs.readFileSync(path.join(root, 'docs/permissions.md'), 'utf8'),
    ).toContain(DEMO_SIGNING_PUBLIC_KEY);
  });

  it('DEVELOPMENT_TOKENS lists every static token of app-config.demo.yaml', () => {
    const tokens = demoConfig.backend.auth.externalAccess.map(
      (e: { options: { token: string } }) => e.options.token,
    );
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(DEVELOPMENT_TOKENS).toContain(token);
  });
});

/**
 * The real plugin started with the real production layering, read the way
 * `node packages/backend --config app-config.yaml --config
 * app-config.production.yaml` reads it (backend-defaults' root config
 * service, `${VAR}` from the environment), with NODE_ENV=production.
 */
// The starts below run the migrations on a fresh database: seconds on a
// busy two-core machine (jest's timeout is per file), as in the other
// database tests.
jest.setTimeout(60_000);

describe('starting with the production layering', () => {
  // The database service is the test's (PostgreSQL when available, as in
  // production); everything else is read from the configuration files.
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const ENV_KEYS = [
    'NODE_ENV',
    'CUSTOMER_REPORTING_LICENSE_SIGNING_KEY',
    'CUSTOMER_REPORTING_INGEST_TOKEN',
  ];
  const saved = Object.fromEntries(ENV_KEYS.map(k => [k, process.env[k]]));

  afterEach(() => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  async function startProduction(
    env: Record<string, string>,
    databaseId = databases.eachSupportedId()[0][0],
  ) {
    const knex = await databases.init(databaseId);
    for (const key of ENV_KEYS.slice(1)) delete process.env[key];
    Object.assign(process.env, env);
    // The backend reads NODE_ENV during startup only; Jest's is restored after.
    process.env.NODE_ENV = 'production';
    const configArgs = [
      'app-config.yaml',
      'app-config.production.yaml',
    ].flatMap(file => ['--config', path.join(root, file)]);
    try {
      return await startTestBackend({
        features: [
          customerReportingPlugin,
          mockServices.database.factory({ knex }),
          rootConfigServiceFactory({
            argv: ['node', 'packages/backend', ...configArgs],
            watch: false,
          }),
        ],
      });
    } finally {
      process.env.NODE_ENV = saved.NODE_ENV;
    }
  }

  const ownToken = randomBytes(24).toString('hex');

  it('is refused without secrets, naming the missing signing key', async () => {
    await expect(startProduction({})).rejects.toThrow(
      /Refusing to start outside development \(NODE_ENV=production\): customerReporting\.license\.signingKey is not set/,
    );
  });

  it('is refused with the demo signing key, naming it', async () => {
    await expect(
      startProduction({
        CUSTOMER_REPORTING_LICENSE_SIGNING_KEY: DEMO_KEY,
        CUSTOMER_REPORTING_INGEST_TOKEN: ownToken,
      }),
    ).rejects.toThrow(
      /customerReporting\.license\.signingKey is the published demo key/,
    );
  });

  it('is refused with the development token, naming it', async () => {
    await expect(
      startProduction({
        CUSTOMER_REPORTING_LICENSE_SIGNING_KEY: freshSigningKey(),
        CUSTOMER_REPORTING_INGEST_TOKEN: DEVELOPMENT_TOKENS[0],
      }),
    ).rejects.toThrow(
      /backend\.auth\.externalAccess\[0\]\.options\.token is the published development token/,
    );
  });

  it.each(databases.eachSupportedId())(
    'starts with a key and a token of its own, on %p',
    async databaseId => {
      const backend = await startProduction(
        {
          CUSTOMER_REPORTING_LICENSE_SIGNING_KEY: freshSigningKey(),
          CUSTOMER_REPORTING_INGEST_TOKEN: ownToken,
        },
        databaseId,
      );
      try {
        const health = await request(backend.server).get(
          '/api/customer-reporting/health',
        );
        expect(health.status).toBe(200);
      } finally {
        await backend.stop();
      }
    },
  );
});
