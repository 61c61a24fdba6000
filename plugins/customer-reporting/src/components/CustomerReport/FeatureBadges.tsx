import Box from '@material-ui/core/Box';
import CheckIcon from '@material-ui/icons/Check';
import { CustomerFeatures } from '@customer-reporting/plugin-customer-reporting-common';
import { Muted, ToneChip } from '../shared';

/** The license features worth a badge, in display order. */
const BADGES: { key: keyof CustomerFeatures; label: string }[] = [
  { key: 'gitops', label: 'GitOps' },
  { key: 'airgap', label: 'Air gap' },
  { key: 'identity', label: 'Identity' },
  { key: 'snapshots', label: 'Snapshots' },
];

/**
 * A badge per enabled optional feature. Only enabled ones are shown: a row
 * of crossed-out badges would be read as a list of what the customer has.
 */
export function FeatureBadges(props: { features: CustomerFeatures }) {
  const enabled = BADGES.filter(badge => props.features[badge.key]);
  if (enabled.length === 0) {
    return <Muted>No optional features</Muted>;
  }
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 4 }}
      role="list"
      aria-label="Enabled features"
    >
      {enabled.map(badge => (
        <span role="listitem" key={badge.key}>
          <ToneChip
            label={badge.label}
            tone="info"
            icon={<CheckIcon />}
            ariaLabel={`${badge.label} enabled`}
          />
        </span>
      ))}
    </Box>
  );
}
