import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  CustomerListResponse,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  APP_ANNOTATION,
  customerToEntity,
  implementorsByApp,
  PROVIDER_NAME,
} from './customerEntity';
import { defaultOwnerGroup } from './defaultOwnerGroup';

/**
 * Publishes every customer as a catalog entity. A full refresh runs on a
 * schedule; `refreshCustomer` applies a delta when one customer changed.
 */
export class CustomerEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      defaultOwner: string;
      appBaseUrl: string;
      /** Publish license type and channel (default: only name, app, owner). */
      licenseDetails?: boolean;
      /** Publish the default owner group too (no default owner configured). */
      publishDefaultOwner?: boolean;
      /** Runs the full refresh once the catalog has connected the provider. */
      schedule?: SchedulerServiceTaskRunner;
    },
  ) {}

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    // Scheduled here, not at module init: the catalog may connect its
    // providers later than a fixed initial delay (a slow first start), and
    // a refresh before that would wait a whole period for the next one.
    await this.deps.schedule?.run({
      id: 'customer-reporting-catalog-refresh',
      fn: async () => {
        await this.refreshAll();
      },
    });
  }

  async refreshAll(): Promise<number> {
    if (!this.connection)
      throw new Error('CustomerEntityProvider is not connected');
    const implementors = await this.implementors();
    const customers: CustomerSummary[] = [];
    let cursor: string | null = null;
    do {
      const page: CustomerListResponse = await this.get(
        `/v1/customers?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      customers.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    await this.connection.applyMutation({
      type: 'full',
      entities: [
        ...(this.deps.publishDefaultOwner
          ? [defaultOwnerGroup(this.locationKey())]
          : []),
        ...customers.map(c => this.toEntity(c, implementors)),
      ].map(entity => ({ entity, locationKey: this.locationKey() })),
    });
    this.deps.logger.info(
      `Published ${customers.length} customers to the catalog`,
    );
    return customers.length;
  }

  /** A delta update for one customer, e.g. after an ingest changed it. */
  async refreshCustomer(customerId: string): Promise<void> {
    if (!this.connection) return;
    const page: CustomerListResponse = await this.get(
      `/v1/customers?limit=50&search=${encodeURIComponent(customerId)}`,
    );
    const customer = page.items.find(c => c.id === customerId);
    if (!customer) return;
    await this.connection.applyMutation({
      type: 'delta',
      added: [
        {
          entity: this.toEntity(customer, await this.implementors()),
          locationKey: this.locationKey(),
        },
      ],
      removed: [],
    });
  }

  private toEntity(
    customer: CustomerSummary,
    implementors: Map<string, string[]>,
  ) {
    return customerToEntity(customer, {
      defaultOwner: this.deps.defaultOwner,
      implementedBy: implementors.get(customer.appSlug) ?? [],
      reportUrl: `${
        this.deps.appBaseUrl
      }/customer-reporting/customers/${encodeURIComponent(customer.id)}`,
      locationKey: this.locationKey(),
      licenseDetails: this.deps.licenseDetails ?? false,
    });
  }

  private locationKey() {
    return `url:${this.deps.appBaseUrl}/customer-reporting`;
  }

  private async implementors() {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: [
          {
            kind: 'Component',
            [`metadata.annotations.${APP_ANNOTATION}`]: CATALOG_FILTER_EXISTS,
          },
          {
            kind: 'System',
            [`metadata.annotations.${APP_ANNOTATION}`]: CATALOG_FILTER_EXISTS,
          },
        ],
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return implementorsByApp(items);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.deps.discovery.getBaseUrl('customer-reporting');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'customer-reporting',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
