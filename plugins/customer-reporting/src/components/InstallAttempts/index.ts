export { InstallAttemptsPage } from './InstallAttemptsPage';
export { InstallAttemptsContent } from './InstallAttemptsContent';
export { FleetPage, FleetTabs } from './FleetPage';
