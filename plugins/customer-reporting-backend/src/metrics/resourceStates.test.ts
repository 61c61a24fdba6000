import { ResourceState } from '@customer-reporting/plugin-customer-reporting-common';
import { leastAvailableFirst, resourceStateChanges } from './resourceStates';

const r = (kind: string, name: string, state: ResourceState['state']) => ({
  kind,
  namespace: 'app',
  name,
  state,
});

describe('resourceStateChanges', () => {
  it('names the resources added, removed or changed, by kind, namespace and name', () => {
    const before = [
      r('Deployment', 'api', 'ready'),
      r('Deployment', 'web', 'ready'),
      r('Service', 'api', 'ready'),
    ];
    const after = [
      r('Deployment', 'api', 'ready'),
      r('Deployment', 'web', 'degraded'),
      r('PersistentVolumeClaim', 'data', 'unavailable'),
    ];
    expect(resourceStateChanges(before, after)).toEqual([
      { ...r('Deployment', 'web', 'degraded'), previousState: 'ready' },
      {
        ...r('PersistentVolumeClaim', 'data', 'unavailable'),
        previousState: null,
      },
      {
        kind: 'Service',
        namespace: 'app',
        name: 'api',
        previousState: 'ready',
        state: null,
      },
    ]);
    expect(resourceStateChanges(null, before.slice(0, 1))).toEqual([
      { ...before[0], previousState: null },
    ]);
    expect(resourceStateChanges(after, after)).toEqual([]);
  });
});

describe('leastAvailableFirst', () => {
  it('puts the least available first, then by kind, namespace and name', () => {
    expect(
      leastAvailableFirst([
        r('Service', 'api', 'ready'),
        r('Deployment', 'web', 'ready'),
        r('StatefulSet', 'db', 'degraded'),
        r('Deployment', 'api', 'missing'),
      ]).map(x => `${x.state} ${x.kind}/${x.name}`),
    ).toEqual([
      'missing Deployment/api',
      'degraded StatefulSet/db',
      'ready Deployment/web',
      'ready Service/api',
    ]);
  });
});
