export { DataSourcesCard } from './DataSourcesCard';
export { DataSourcesContent } from './DataSourcesContent';
