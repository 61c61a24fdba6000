export {
  CustomerReportProvider,
  useCustomerReport,
} from './CustomerReportProvider';
export type { CustomerReportContextValue } from './CustomerReportProvider';
export { ManageCustomerCard } from './ManageCustomerCard';
export { TimeToInstallCard } from './TimeToInstallCard';
export { PortalCard } from './PortalCard';
export { InstancesCard } from './InstancesCard';
export { InstallAttemptsCard } from './InstallAttemptsCard';
export { CustomerReportContent } from './CustomerReportContent';
export {
  CustomerReportPage,
  CustomerReportSubPage,
} from './CustomerReportPage';
