import { Entity } from '@backstage/catalog-model';
import {
  CUSTOMER_APP_ANNOTATION,
  CUSTOMER_ID_ANNOTATION,
} from '@customer-reporting/plugin-customer-reporting-common';

/**
 * A customer published by the catalog module: a `Resource` of type
 * `customer` carrying the customer ID. For `EntitySwitch.Case if=`.
 *
 * @public
 */
export function isCustomerEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === 'customer' &&
    Boolean(entity.metadata.annotations?.[CUSTOMER_ID_ANNOTATION])
  );
}

/**
 * A component or system that implements a customer-reporting app, i.e.
 * whose page can list the customers running it. Customer entities carry
 * the app annotation too, but are left out: they are one customer, not an
 * app.
 *
 * @public
 */
export function isCustomerAppAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    (kind === 'component' || kind === 'system') &&
    Boolean(entity.metadata.annotations?.[CUSTOMER_APP_ANNOTATION]?.trim())
  );
}
