import { prepareAttemptEvent } from './prepareEvents';
import { prepareApp, prepareCustomer } from './prepareCatalog';
import { specValidators } from './specValidators';
import { thrownIssues } from './__testUtils__/thrownIssues';
import { validateBatch, validateBody } from './validateBodies';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const validators = specValidators();

describe('install attempt events', () => {
  const events = (items: unknown[]) =>
    validateBatch(
      { events: items },
      'events',
      validators.attemptEvent,
      1000,
      (item, index, issues) => prepareAttemptEvent(item, index, issues, NOW),
    );
  const base = {
    attemptId: 'a1',
    customerId: 'c1',
    at: '2026-01-10T11:00:00Z',
  };

  it('applies the rules between fields from the spec', () => {
    const issues = thrownIssues(() =>
      events([
        { ...base, type: 'step' },
        { ...base, type: 'step', installType: 'linux', step: 'images-pulled' },
        { ...base, type: 'started', networkMode: 'airgap', registry: 'online' },
      ]),
    );
    expect(issues).toEqual([
      { index: 0, field: 'step', message: 'is required when type is step' },
      {
        index: 1,
        field: 'step',
        message: 'is not a linux step (started, assets-downloaded, completed)',
      },
      {
        index: 2,
        field: 'registry',
        message: 'must be offline when networkMode is airgap',
      },
    ]);
  });

  it('keeps tabs and line breaks in a failure reason, refuses other control characters', () => {
    const failed = (reason: string) => ({
      ...base,
      type: 'failed',
      step: 'images-pulled',
      reason,
    });
    expect(events([failed('pull failed:\n\tImagePullBackOff')])).toHaveLength(
      1,
    );
    expect(thrownIssues(() => events([failed('boom\u0085here')]))).toEqual([
      {
        index: 0,
        field: 'reason',
        message:
          'must not contain control characters other than tabs and line breaks',
      },
    ]);
  });

  it('stores times as milliseconds and distributions lowercase', () => {
    expect(
      events([
        {
          ...base,
          type: 'started',
          environment: { k8sDistribution: 'K3S', os: ' ubuntu ' },
        },
      ]),
    ).toEqual([
      expect.objectContaining({
        at: Date.parse(base.at),
        environment: { k8sDistribution: 'k3s', os: 'ubuntu' },
      }),
    ]);
  });
});

describe('apps and customers', () => {
  const customer = {
    name: ' Acme ',
    appSlug: 'app',
    channelSlug: 'stable',
    licenseType: 'Prod',
    licenseId: 'lic-1',
    createdAt: '2025-01-01T00:00:00Z',
    features: {
      gitops: true,
      airgap: false,
      identity: false,
      snapshots: false,
    },
    owner: 'Group:default/Team-A',
  };

  it('fills defaults into a copy, never into the caller object', () => {
    const body = structuredClone(customer);
    const prepared = validateBody(
      body,
      validators.customer,
      (item, i, issues) => prepareCustomer(item, i, issues, NOW),
    );
    expect(body).toEqual(customer);
    expect(prepared).toMatchObject({
      name: 'Acme',
      licenseType: 'paid',
      createdAt: Date.parse('2025-01-01T00:00:00Z'),
      archived: false,
      enterprisePortalEnabled: false,
      owner: 'group:default/team-a',
      customFields: [],
      features: { helmInstall: false, supportBundleUpload: false },
    });
  });

  it('keeps line breaks in a custom field value, refuses other control characters', () => {
    const withValue = (value: string) => ({
      ...customer,
      customFields: [{ name: 'notes', value }],
    });
    const prepare = (item: any, i: any, issues: any) =>
      prepareCustomer(item, i, issues, NOW);
    expect(
      validateBody(
        withValue('line one\r\n\tline two'),
        validators.customer,
        prepare,
      ),
    ).toMatchObject({ customFields: [{ value: 'line one\r\n\tline two' }] });
    expect(
      thrownIssues(() =>
        validateBody(withValue('ring\u0007'), validators.customer, prepare),
      ),
    ).toEqual([
      {
        index: null,
        field: 'customFields.0.value',
        message:
          'must not contain control characters other than tabs and line breaks',
      },
    ]);
  });

  it('refuses a body nested too deeply to copy, naming it, rather than failing', () => {
    // structuredClone ran out of stack at about 5,000 levels (a 500).
    let name: unknown = 'Acme';
    for (let i = 0; i < 10_000; i++) name = [name];
    const prepare = jest.fn();
    const issues = thrownIssues(() =>
      validateBody({ ...customer, name }, validators.customer, prepare),
    );
    expect(issues).toEqual([
      {
        index: null,
        field: '(body)',
        message: 'nests arrays or objects more than 32 levels deep',
      },
    ]);
    expect(prepare).not.toHaveBeenCalled();
    // 32 levels pass to the schema, which names the field.
    let shallow: unknown = 'Acme';
    for (let i = 0; i < 30; i++) shallow = [shallow];
    expect(
      thrownIssues(() =>
        validateBody(
          { ...customer, name: shallow },
          validators.customer,
          prepare,
        ),
      ),
    ).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('refuses an unknown license type, a bad owner and a non-http portal URL', () => {
    const issues = thrownIssues(() =>
      validateBody(
        {
          ...customer,
          licenseType: 'gold',
          owner: 'team a',
          downloadPortalUrl: 'ftp://example.com',
        },
        validators.customer,
        (item, i, found) => prepareCustomer(item, i, found, NOW),
      ),
    );
    expect(issues).toEqual([
      {
        index: null,
        field: 'downloadPortalUrl',
        message: 'must be an http(s) URL',
      },
      {
        index: null,
        field: 'owner',
        message: 'must be an entity ref such as group:default/team-a',
      },
    ]);
  });

  it('takes an expiry in the future, not one before 1990', () => {
    const prepare = (expiresAt: string) =>
      validateBody(
        { ...customer, expiresAt },
        validators.customer,
        (item, i, found) => prepareCustomer(item, i, found, NOW),
      );
    expect(prepare('2099-01-01T00:00:00Z').expiresAt).toBe(
      Date.UTC(2099, 0, 1),
    );
    expect(thrownIssues(() => prepare('0001-01-01T00:00:00Z'))).toEqual([
      { index: null, field: 'expiresAt', message: 'must not be before 1990' },
    ]);
  });

  it('refuses times that name no instant: 30 February, a leap second', () => {
    const issues = thrownIssues(() =>
      validateBody(
        {
          ...customer,
          createdAt: '2025-02-30T00:00:00Z',
          expiresAt: '2030-12-31T23:59:60Z',
        },
        validators.customer,
        (item, i, found) => prepareCustomer(item, i, found, NOW),
      ),
    );
    expect(issues).toEqual([
      {
        index: null,
        field: 'createdAt',
        message:
          'must be an ISO 8601 time with a time zone: 2025-02 has 28 days',
      },
      {
        index: null,
        field: 'expiresAt',
        message:
          'must be an ISO 8601 time with a time zone: leap seconds (:60) are not supported',
      },
    ]);
  });

  it('refuses duplicate channel slugs and names nested fields with dots', () => {
    const app = (releases: unknown[]) => ({
      name: 'App',
      channels: [
        { slug: 'stable', name: 'Stable', releases },
        { slug: 'stable', name: 'Again' },
      ],
    });
    const prepare = (body: unknown) =>
      validateBody(body, validators.app, (item, i, issues) =>
        prepareApp(item, i, issues, NOW),
      );
    expect(thrownIssues(() => prepare(app([])))).toEqual([
      {
        index: null,
        field: 'channels',
        message: 'channel slugs must be unique',
      },
    ]);
    expect(
      thrownIssues(() =>
        prepare(
          app([{ sequence: 1, versionLabel: 'v1\u0007', promotedAt: 'soon' }]),
        ),
      ),
    ).toEqual([
      {
        index: null,
        field: 'channels.0.releases.0.versionLabel',
        message: 'must not be blank or contain control characters',
      },
      {
        index: null,
        field: 'channels.0.releases.0.promotedAt',
        message: 'must be an ISO 8601 time with a time zone',
      },
    ]);
  });

  it('refuses a sequence that repeats within a channel, not across channels', () => {
    const release = (sequence: number) => ({
      sequence,
      versionLabel: `1.${sequence}.0`,
      promotedAt: '2025-06-01T00:00:00Z',
    });
    const prepare = (body: unknown) =>
      validateBody(body, validators.app, (item, i, issues) =>
        prepareApp(item, i, issues, NOW),
      );
    const stable = [release(1), release(2), release(1)];
    expect(
      thrownIssues(() =>
        prepare({
          name: 'App',
          channels: [{ slug: 'stable', name: 'Stable', releases: stable }],
        }),
      ),
    ).toEqual([
      {
        index: null,
        field: 'channels.0.releases.2.sequence',
        message:
          "repeats sequence 1 of channels.0.releases.0: a channel's sequences must be unique",
      },
    ]);
    expect(
      prepare({
        name: 'App',
        channels: [
          { slug: 'stable', name: 'Stable', releases: [release(1)] },
          { slug: 'beta', name: 'Beta', releases: [release(1)] },
        ],
      }).channels,
    ).toHaveLength(2);
  });
});
