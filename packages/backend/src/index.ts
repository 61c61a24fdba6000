/*
 * The portal's backend: Backstage core plugins plus the customer-reporting
 * plugin family. Run with `yarn dev` (or `npm start` from the repository root).
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: guest sign-in for the demo (https://backstage.io/docs/auth/guest/provider)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// the customer-reporting API (its /openapi.json) as an API entity, per
// catalog.providers.backstageOpenapi in app-config.yaml
backend.add(
  import('@backstage/plugin-catalog-backend-module-backstage-openapi'),
);

// permissions, with the policy customer reporting ships: signed-in users
// read, privileged actions need the groups of customerReporting.permissions
// (docs/permissions.md)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@customer-reporting/plugin-customer-reporting-backend/permissions'),
);

// search, with the catalog collator and the default in-memory engine
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// AI clients: the actions of backend.actions.pluginSources as MCP tools at
// /api/mcp-actions/v1, for callers with a Backstage token (docs/mcp.md)
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// customer reporting
backend.add(import('@customer-reporting/plugin-customer-reporting-backend'));
// demo fleet on first start, when customerReporting.demo.enabled is true
backend.add(
  import(
    '@customer-reporting/plugin-customer-reporting-backend-module-demo-data'
  ),
);
// customers as catalog entities (Resource, type customer)
backend.add(
  import(
    '@customer-reporting/plugin-catalog-backend-module-customer-reporting'
  ),
);
// Replicated's Vendor API as a data source; idle unless
// customerReporting.replicated is configured (docs/replicated.md)
backend.add(
  import(
    '@customer-reporting/plugin-customer-reporting-backend-module-replicated'
  ),
);

// Outside development a backend whose plugins failed to start exits instead
// of serving without them, so that the failure shows: a container that does
// not come up, `scripts/prod-start.sh` ending with the reason.
backend.start().catch(error => {
  if (process.env.NODE_ENV === 'development') throw error;
  console.error(String(error));
  process.exit(1);
});
