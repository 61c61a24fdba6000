import fc from 'fast-check';
import { checkInFields, decodeField } from './checkInFields';

const base = { instanceId: 'i1', customerId: 'c1' };

/** Tags as an object whose keys were added in the given order. */
function tagsInOrder(entries: [string, string][]) {
  const tags: Record<string, string> = {};
  for (const [key, value] of entries) tags[key] = value;
  return tags;
}

describe('checkInFields', () => {
  it('encodes tags with their keys sorted, whatever order they were sent in', () => {
    const entries = fc.uniqueArray(
      fc.tuple(
        fc.constantFrom('a', 'b', 'Z', '_', 'é', '9', '10', '007', 'team'),
        fc.string({ maxLength: 3 }),
      ),
      { selector: ([key]) => key, maxLength: 9 },
    );
    fc.assert(
      fc.property(entries, fc.nat(), (sent, seed) => {
        const sorted = [...sent].sort(([a], [b]) => (a < b ? -1 : 1));
        const shuffled = [...sent].sort(
          ([a], [b]) =>
            ((a.charCodeAt(0) * 31 + seed) % 17) -
            ((b.charCodeAt(0) * 31 + seed) % 17),
        );
        const reference = JSON.stringify(
          Object.fromEntries(sorted.map(([k, v]) => [k, v])),
        );
        const { tags } = checkInFields({
          ...base,
          tags: tagsInOrder(shuffled),
        });
        expect(tags).toBe(reference);
      }),
    );
    const { tags } = checkInFields({
      ...base,
      tags: { team: 'x', name: 'y', '10': 'a', '9': 'b' },
    });
    expect(tags).toBe('{"9":"b","10":"a","name":"y","team":"x"}');
  });

  it('encodes resource states sorted by kind, namespace and name, states lowercase, whatever order they were sent in', () => {
    const resource = fc.record({
      kind: fc.constantFrom('Deployment', 'Service', 'StatefulSet'),
      namespace: fc.constantFrom('app', 'db', 'Z'),
      name: fc.constantFrom('api', 'web', 'é', '10', '9'),
      state: fc.constantFrom('ready', 'Degraded', 'UNAVAILABLE'),
    });
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 8 }), fc.nat(), (sent, n) => {
        const rotated = [...sent.slice(n % (sent.length || 1)), ...sent];
        rotated.length = sent.length;
        const encode = (resourceStates: typeof sent) =>
          checkInFields({ ...base, resourceStates }).resourceStates;
        expect(encode([...sent].reverse())).toBe(encode(sent));
        expect(encode(rotated)).toBe(encode(sent));
      }),
    );
    const { resourceStates } = checkInFields({
      ...base,
      resourceStates: [
        { kind: 'Service', namespace: 'app', name: 'api', state: 'Ready' },
        { kind: 'Deployment', namespace: 'app', name: 'web ', state: 'READY' },
        {
          kind: 'Deployment',
          namespace: 'app',
          name: 'api',
          state: 'updating',
        },
      ],
    });
    expect(JSON.parse(resourceStates)).toEqual([
      { kind: 'Deployment', namespace: 'app', name: 'api', state: 'updating' },
      { kind: 'Deployment', namespace: 'app', name: 'web', state: 'ready' },
      { kind: 'Service', namespace: 'app', name: 'api', state: 'ready' },
    ]);
    expect(checkInFields({ ...base, resourceStates: [] })).toEqual({
      resourceStates: '[]',
    });
  });

  it('encodes each scalar and metric as JSON, trimmed, in the spec order', () => {
    const fields = checkInFields(
      {
        ...base,
        customMetrics: { 'say "hi"': 'a\nb', seats: 3, on: true },
        cloudRegion: ' eu-west ',
        airgap: false,
        k8sDistribution: ' EKS ',
        releaseSequence: 12,
        appStatus: 'READY',
      },
      'ready',
    );
    expect(Object.entries(fields)).toEqual([
      ['airgap', 'false'],
      ['appStatus', '"ready"'],
      ['releaseSequence', '12'],
      ['k8sDistribution', '"eks"'],
      ['cloudRegion', '"eu-west"'],
      ['metric:say "hi"', '"a\\nb"'],
      ['metric:seats', '3'],
      ['metric:on', 'true'],
    ]);
    expect(decodeField(fields, 'metric:say "hi"')).toBe('a\nb');
  });

  it('names each metric field with the prefix, however many names it has seen', () => {
    for (let i = 0; i < 2500; i++) {
      const fields = checkInFields({
        ...base,
        customMetrics: { [`m${i % 1200}`]: i },
      });
      expect(fields).toEqual({ [`metric:m${i % 1200}`]: String(i) });
    }
  });
});
