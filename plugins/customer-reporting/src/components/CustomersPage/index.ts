export { CustomersPage } from './CustomersPage';
export { CustomersContent } from './CustomersContent';
