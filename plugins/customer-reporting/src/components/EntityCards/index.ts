export {
  CUSTOMER_APP_ANNOTATION,
  CUSTOMER_ID_ANNOTATION,
  isCustomerAppAvailable,
  isCustomerEntity,
} from './conditions';
export { EntityCustomerHealthCard } from './EntityCustomerHealthCard';
export { EntityCustomerReportContent } from './EntityCustomerReportContent';
export { EntityCustomersCard } from './EntityCustomersCard';
