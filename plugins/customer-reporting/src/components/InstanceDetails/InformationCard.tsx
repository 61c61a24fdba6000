import Box from '@material-ui/core/Box';
import { CopyTextButton } from '@backstage/core-components';
import { InstanceDetails } from '@customer-reporting/plugin-customer-reporting-common';
import {
  DataCard,
  DateTimeText,
  Definition,
  DefinitionList,
  Muted,
  TagChips,
} from '../shared';
import { clusterInstallerName } from '../format';
import { useInstanceDetails } from './InstanceDetailsProvider';

function orDash(value: string | number | null | undefined) {
  return value === null || value === undefined || value === '' ? (
    <Muted>–</Muted>
  ) : (
    value
  );
}

function definitions(details: InstanceDetails): Definition[] {
  const { instance, information } = details;
  const nodes =
    instance.kurlNodesTotal === null
      ? null
      : `${instance.kurlNodesReady ?? 0} of ${instance.kurlNodesTotal} ready`;
  const cloud = [instance.cloudProvider, instance.cloudRegion]
    .filter(Boolean)
    .join(' · ');
  return [
    {
      label: 'Instance ID',
      value: (
        <Box display="flex" alignItems="center" style={{ gap: 4 }}>
          <code>{instance.id}</code>
          <CopyTextButton
            text={instance.id}
            variant="tertiary"
            tooltipText="Instance ID copied"
            aria-label="Copy instance ID"
          />
        </Box>
      ),
    },
    { label: 'Distribution', value: orDash(instance.k8sDistribution) },
    { label: 'Kubernetes version', value: orDash(instance.k8sVersion) },
    { label: 'Cluster type', value: orDash(instance.clusterType) },
    { label: `${clusterInstallerName(instance)} nodes`, value: orDash(nodes) },
    { label: 'KOTS version', value: orDash(instance.kotsVersion) },
    { label: 'SDK version', value: orDash(instance.sdkVersion) },
    { label: 'Cloud', value: orDash(cloud) },
    { label: 'Cluster ID', value: orDash(information.clusterId) },
    { label: 'Channel', value: orDash(information.channelSlug) },
    { label: 'Release sequence', value: orDash(information.releaseSequence) },
    { label: 'Preflight status', value: orDash(information.preflightStatus) },
    { label: 'First seen', value: <DateTimeText iso={instance.firstSeenAt} /> },
    {
      label: 'First ready',
      value: (
        <DateTimeText iso={instance.firstReadyAt} placeholder="Not ready yet" />
      ),
    },
    { label: 'Tags', value: <TagChips tags={Object.entries(instance.tags)} /> },
  ];
}

/**
 * Where and how the instance runs: cluster, versions, cloud, release and tags.
 *
 * @public
 */
export function InformationCard() {
  const details = useInstanceDetails();
  return (
    <DataCard title="Information" state={details}>
      {value => <DefinitionList items={definitions(value)} />}
    </DataCard>
  );
}
