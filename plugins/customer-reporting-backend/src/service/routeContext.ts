import express from 'express';
import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { customerReportingIngestPermission } from '@customer-reporting/plugin-customer-reporting-common';
import { Stores } from '../database/createStores';
import { IngestService } from '../ingest/IngestService';
import { PluginOptions } from '../options';
import { CustomerAccess } from '../permissions/CustomerAccess';
import { CustomerFilter } from '../permissions/customerFilter';
import { ActionAuditor, createActionAuditor } from './auditedAction';

type CustomerPermission = ResourcePermission<'customer-reporting-customer'>;

/** A request of any route, whatever the spec types its parameters and body as. */
// The answer type stays open: a typed answer is not assignable to `unknown`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CallerRequest = express.Request<unknown, any, unknown, unknown>;

/** What every group of routes needs, including its auth and permission checks. */
export interface RouteContext {
  stores: Stores;
  ingest: IngestService;
  options: PluginOptions;
  clock: () => number;
  /** Sensitive actions run through it: Backstage's auditor plus the Activity table. */
  audit: ActionAuditor;
  /**
   * Writes of data come from other backends or static-token callers, never
   * users, and need the ingest permission (an ingest-only token has it).
   */
  requireIngest(req: CallerRequest): Promise<BackstageCredentials>;
  /** A user or service; permission checks come on top. */
  requireCaller(req: CallerRequest): Promise<BackstageCredentials>;
  /** The customers the caller may see, as a filter for list queries. */
  customerFilter(
    req: CallerRequest,
    permission?: CustomerPermission,
  ): Promise<CustomerFilter>;
  /** Throws unless the caller may use `permission` (default: read) on the customer. */
  requireCustomer(
    req: CallerRequest,
    customerId: string,
    permission?: CustomerPermission,
  ): Promise<BackstageCredentials>;
  /**
   * Throws unless the caller may read the customer; else whether it may use
   * `also` on it, decided in the same call to the permission service.
   */
  requireCustomerAnd(
    req: CallerRequest,
    customerId: string,
    also: CustomerPermission,
  ): Promise<{ credentials: BackstageCredentials; allowsAlso: boolean }>;
  /**
   * Throws unless the caller may read the instance's customer. An unknown
   * instance answers 403 like a foreign one, unless the caller may read every
   * customer (then 404): its status tells nothing about other customers.
   */
  requireInstance(
    req: CallerRequest,
    instanceId: string,
  ): Promise<BackstageCredentials>;
  requirePermission(
    req: CallerRequest,
    permission: BasicPermission,
  ): Promise<BackstageCredentials>;
}

/** The services and stores the routes are built on. */
export interface RouteContextOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  auditor: AuditorService;
  access: CustomerAccess;
  stores: Stores;
  ingest: IngestService;
  options: PluginOptions;
  clock: () => number;
}

export function createRouteContext(options: RouteContextOptions): RouteContext {
  const { httpAuth, access, stores } = options;
  const requireCaller = (req: CallerRequest) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const requireCustomer = async (
    req: CallerRequest,
    customerId: string,
    permission?: CustomerPermission,
  ) => {
    const credentials = await requireCaller(req);
    await access.requireCustomer(credentials, customerId, permission);
    return credentials;
  };
  return {
    stores,
    ingest: options.ingest,
    options: options.options,
    clock: options.clock,
    audit: createActionAuditor({
      auditor: options.auditor,
      auth: options.auth,
      auditTrail: stores.auditTrail,
    }),
    requireIngest: async req => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['service'],
      });
      await access.require(credentials, customerReportingIngestPermission);
      return credentials;
    },
    requireCaller,
    customerFilter: async (req, permission) =>
      access.filter(await requireCaller(req), permission),
    requireCustomer,
    requireCustomerAnd: async (req, customerId, also) => {
      const credentials = await requireCaller(req);
      const [allowsAlso] = await access.requireCustomerWith(
        credentials,
        customerId,
        [also],
      );
      return { credentials, allowsAlso };
    },
    requireInstance: async (req, instanceId) => {
      const credentials = await requireCaller(req);
      await access.requireInstance(
        credentials,
        instanceId,
        await stores.report.getInstanceCustomerId(instanceId),
      );
      return credentials;
    },
    requirePermission: async (req, permission) => {
      const credentials = await requireCaller(req);
      await access.require(credentials, permission);
      return credentials;
    },
  };
}
