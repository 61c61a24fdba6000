export {
  InstanceDetailsProvider,
  useInstanceDetails,
} from './InstanceDetailsProvider';
export type { InstanceDetailsContextValue } from './InstanceDetailsProvider';
export { CurrentStateCard } from './CurrentStateCard';
export { InsightsCard } from './InsightsCard';
export { InformationCard } from './InformationCard';
export { CustomMetricsCard } from './CustomMetricsCard';
export { ResourcesCard } from './ResourcesCard';
export { UptimeGraphCard } from './UptimeGraphCard';
export { ActivityStreamCard } from './ActivityStreamCard';
export { InstanceDetailsContent } from './InstanceDetailsContent';
export {
  InstanceDetailsPage,
  InstanceDetailsSubPage,
} from './InstanceDetailsPage';
