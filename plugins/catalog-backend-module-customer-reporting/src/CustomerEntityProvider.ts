import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  CUSTOMER_APP_ANNOTATION,
  CustomerListResponse,
  CustomerReportingApiClient,
  CustomerSummary,
} from '@customer-reporting/plugin-customer-reporting-common';
import {
  CatalogService,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  customerLocationKey,
  customerReportUrl,
  customerToEntity,
  implementorsByApp,
  PROVIDER_NAME,
} from './customerEntity';
import { defaultOwnerGroup } from './defaultOwnerGroup';

/** Up to this many changed customers are looked up one by one; more, by reading the list once. */
const LOOKUPS_PER_BATCH = 10;

/**
 * Publishes every customer as a catalog entity. A full refresh runs on a
 * schedule; `refreshCustomers` applies a delta for customers that changed.
 */
export class CustomerEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  /** The plugin's API client generated from its OpenAPI spec. */
  private readonly client: CustomerReportingApiClient;

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
  ) {
    this.client = new CustomerReportingApiClient({
      discoveryApi: deps.discovery,
    });
  }

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
    const customers = await this.listCustomers();
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

  /**
   * A delta update for customers that changed, e.g. after an ingest: only
   * their entities are sent, and the catalog re-processes only those whose
   * content differs. Returns how many were published.
   */
  async refreshCustomers(customerIds: string[]): Promise<number> {
    if (!this.connection || customerIds.length === 0) return 0;
    const wanted = new Set(customerIds);
    const customers: CustomerSummary[] = [];
    if (wanted.size <= LOOKUPS_PER_BATCH) {
      // One at a time: the plugin's database serves the ingest meanwhile.
      for (const id of wanted) {
        const found = await this.findCustomer(id);
        if (found) customers.push(found);
      }
    } else {
      customers.push(
        ...(await this.listCustomers()).filter(c => wanted.has(c.id)),
      );
    }
    if (customers.length === 0) return 0;
    const implementors = await this.implementors();
    await this.connection.applyMutation({
      type: 'delta',
      added: customers.map(customer => ({
        entity: this.toEntity(customer, implementors),
        locationKey: this.locationKey(),
      })),
      removed: [],
    });
    return customers.length;
  }

  private async listCustomers(): Promise<CustomerSummary[]> {
    const customers: CustomerSummary[] = [];
    for await (const items of this.pages({})) customers.push(...items);
    return customers;
  }

  /**
   * The customer with this id. The list has no id filter, so this searches
   * for the id and reads every page of the matches: a search also matches
   * names, emails and custom ids, and the one sought may be on any page.
   */
  private async findCustomer(
    customerId: string,
  ): Promise<CustomerSummary | undefined> {
    for await (const items of this.pages({ search: customerId })) {
      const found = items.find(c => c.id === customerId);
      if (found) return found;
    }
    return undefined;
  }

  /** The customer list's pages of 500, following the cursor to the end. */
  private async *pages(query: { search?: string }) {
    let cursor: string | null = null;
    do {
      const page = await this.listPage({
        limit: 500,
        ...query,
        cursor: cursor ?? undefined,
      });
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  private toEntity(
    customer: CustomerSummary,
    implementors: Map<string, string[]>,
  ) {
    return customerToEntity(customer, {
      defaultOwner: this.deps.defaultOwner,
      implementedBy: implementors.get(customer.appSlug) ?? [],
      reportUrl: customerReportUrl(this.deps.appBaseUrl, customer.id),
      locationKey: this.locationKey(),
      licenseDetails: this.deps.licenseDetails ?? false,
    });
  }

  private locationKey() {
    return customerLocationKey(this.deps.appBaseUrl);
  }

  private async implementors() {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: [
          {
            kind: 'Component',
            [`metadata.annotations.${CUSTOMER_APP_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
          {
            kind: 'System',
            [`metadata.annotations.${CUSTOMER_APP_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
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

  /** A page of the customers the module's own service credentials may read. */
  private async listPage(query: {
    limit: number;
    cursor?: string;
    search?: string;
  }): Promise<CustomerListResponse> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'customer-reporting',
    });
    const response = await this.client.listCustomers({ query }, { token });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}
