export {
  CustomerReportingContentRouter,
  CustomerReportingRouter,
} from './CustomerReportingRouter';
