export { isCustomerAppAvailable, isCustomerEntity } from './conditions';
export { EntityCustomerHealthCard } from './EntityCustomerHealthCard';
export { EntityCustomerReportContent } from './EntityCustomerReportContent';
export { EntityCustomersCard } from './EntityCustomersCard';
