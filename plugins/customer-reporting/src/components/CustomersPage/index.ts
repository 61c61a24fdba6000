export { CustomersContent } from './CustomersContent';
