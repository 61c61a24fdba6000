/**
 * Extension points of the customer-reporting backend, for modules that feed
 * it from other systems (for example a vendor platform's API).
 *
 * @packageDocumentation
 */
export * from './dataSources';
export * from './durations';
export * from './permissions';
