import { clusterInstallerName, nodesReadyText } from './clusterNodes';

const cluster = {
  k8sDistribution: 'kurl',
  clusterType: 'kurl',
  kurlNodesTotal: 3,
  kurlNodesReady: 2,
};

describe('nodesReadyText', () => {
  it('names kURL clusters kURL', () => {
    expect(nodesReadyText(cluster)).toBe('kURL 2/3 nodes ready');
  });

  it('names Embedded Cluster instances Embedded Cluster, never kURL', () => {
    expect(
      nodesReadyText({
        ...cluster,
        k8sDistribution: 'embedded-cluster',
        clusterType: 'embedded',
      }),
    ).toBe('Embedded Cluster 2/3 nodes ready');
    // Either field is enough.
    expect(
      clusterInstallerName({ ...cluster, k8sDistribution: 'embedded-cluster' }),
    ).toBe('Embedded Cluster');
    expect(clusterInstallerName({ ...cluster, clusterType: 'embedded' })).toBe(
      'Embedded Cluster',
    );
  });

  it('says nothing for clusters without node counts', () => {
    expect(
      nodesReadyText({
        k8sDistribution: 'eks',
        clusterType: 'existing',
        kurlNodesTotal: null,
        kurlNodesReady: null,
      }),
    ).toBeUndefined();
  });

  it('counts missing ready nodes as 0', () => {
    expect(nodesReadyText({ ...cluster, kurlNodesReady: null })).toBe(
      'kURL 0/3 nodes ready',
    );
  });
});
