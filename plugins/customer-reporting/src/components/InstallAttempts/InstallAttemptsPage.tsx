import { FleetPage } from './FleetPage';
import { InstallAttemptsContent } from './InstallAttemptsContent';

/**
 * The install attempt audit of the legacy frontend system, at
 * `/install-attempts` below the plugin's root route.
 */
export function InstallAttemptsPage() {
  return (
    <FleetPage title="Install attempts">
      <InstallAttemptsContent />
    </FleetPage>
  );
}
