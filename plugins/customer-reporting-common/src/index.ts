/**
 * Types, constants and permissions shared by the customer-reporting plugins.
 *
 * @packageDocumentation
 */
export * from './licenseTypes';
export * from './appStatus';
export * from './reportValues';
export * from './permissions';
export * from './customerList';
export * from './adoption';
export * from './alertTypes';
export * from './generated';
export * from './catalog';
export * from './ingestLimits';
export * from './instanceArchiving';
export * from './resourceStates';
