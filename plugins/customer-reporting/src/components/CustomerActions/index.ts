export { CustomerActivityCard } from './CustomerActivityCard';
export { ManageCustomerActions } from './ManageCustomerActions';
export { DownloadPortalActions } from './DownloadPortalActions';
export {
  EnterprisePortalActions,
  EnterprisePortalSwitch,
} from './EnterprisePortalActions';
