import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { Stores } from '../database/createStores';
import { PluginOptions } from '../options';
import { CustomerAccess } from '../permissions/CustomerAccess';

/**
 * What the actions need: the same permission checks (CustomerAccess), stores
 * and settings as the HTTP routes, so an action answers what its route does.
 */
export interface ActionContext {
  actionsRegistry: ActionsRegistryService;
  access: CustomerAccess;
  stores: Stores;
  options: PluginOptions;
  clock: () => number;
}
