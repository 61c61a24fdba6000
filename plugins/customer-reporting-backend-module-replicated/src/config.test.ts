import { ConfigReader, JsonObject } from '@backstage/config';
import { readReplicatedConfig } from './config';

const read = (replicated: JsonObject, extra: JsonObject = {}) =>
  readReplicatedConfig(
    new ConfigReader({ customerReporting: { replicated, ...extra } }),
  );

describe('readReplicatedConfig', () => {
  it('is undefined without the block, so the module stays idle', () => {
    expect(readReplicatedConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('applies the defaults and the plugin retention', () => {
    expect(
      read(
        { apiToken: ' tok ', appSlugs: ['nimbus', 'nimbus'] },
        { retention: { checkInDays: 30 } },
      ),
    ).toEqual({
      apiToken: 'tok',
      appSlugs: ['nimbus'],
      baseUrl: 'https://api.replicated.com/vendor/v3',
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 15 } },
      includeTest: false,
      checkInRetentionMs: 30 * 86_400_000,
    });
  });

  it('takes the retention as a duration too, as the plugin does', () => {
    expect(
      read(
        { apiToken: 't', appSlugs: ['a'] },
        { retention: { checkIns: '2w' } },
      )?.checkInRetentionMs,
    ).toBe(14 * 86_400_000);
  });

  it('reads base URL, schedule and test customers', () => {
    expect(
      read({
        apiToken: 't',
        appSlugs: ['a'],
        baseUrl: 'http://localhost:8787/vendor/v3/',
        schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
        includeTest: true,
      }),
    ).toEqual(
      expect.objectContaining({
        baseUrl: 'http://localhost:8787/vendor/v3',
        schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
        includeTest: true,
      }),
    );
  });

  it('names the key that is wrong', () => {
    expect(() => read({ apiToken: ' ', appSlugs: ['a'] })).toThrow(
      'customerReporting.replicated.apiToken must not be empty',
    );
    expect(() => read({ apiToken: 't', appSlugs: [] })).toThrow(
      'customerReporting.replicated.appSlugs must list at least one app slug',
    );
    expect(() =>
      read({ apiToken: 't', appSlugs: ['a'], baseUrl: 'api.replicated.com' }),
    ).toThrow('customerReporting.replicated.baseUrl must be an http(s) URL');
    expect(() => read({ appSlugs: ['a'] })).toThrow(/apiToken/);
  });
});
