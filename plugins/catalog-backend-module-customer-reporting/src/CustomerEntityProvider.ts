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
  CUSTOMER_ID_ANNOTATION,
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
  /** The mutation being prepared, see `oneAtATime`. */
  private queue: Promise<unknown> = Promise.resolve();
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

  /**
   * Publishes every customer, replacing the provider's entities: a customer
   * left out is removed from the catalog until the next refresh. So the
   * list is read in creation order, which a rename does not change (by
   * name, a customer renamed to a page already read was never read), and
   * customers of the catalog the read missed all the same (e.g. a changed
   * creation date) are looked up by id before any is dropped.
   */
  async refreshAll(): Promise<number> {
    if (!this.connection)
      throw new Error('CustomerEntityProvider is not connected');
    const connection = this.connection;
    return this.oneAtATime(async () => {
      const implementors = await this.implementors();
      const customers = await this.listCustomers();
      const read = new Set(customers.map(c => c.id));
      const missed = (await this.publishedCustomerIds()).filter(
        id => !read.has(id),
      );
      customers.push(...(await this.readCustomers(missed)));
      await connection.applyMutation({
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
    });
  }

  /**
   * A delta update for customers that changed, e.g. after an ingest: only
   * their entities are sent, and the catalog re-processes only those whose
   * content differs. Returns how many were published.
   */
  async refreshCustomers(customerIds: string[]): Promise<number> {
    const connection = this.connection;
    if (!connection || customerIds.length === 0) return 0;
    return this.oneAtATime(async () => {
      const customers = await this.readCustomers(customerIds);
      if (customers.length === 0) return 0;
      const implementors = await this.implementors();
      await connection.applyMutation({
        type: 'delta',
        added: customers.map(customer => ({
          entity: this.toEntity(customer, implementors),
          locationKey: this.locationKey(),
        })),
        removed: [],
      });
      return customers.length;
    });
  }

  /**
   * Runs the full refresh and the deltas one after the other: a delta
   * applied while a full refresh reads the list would be undone by its
   * mutation, which lacks a customer created after its read.
   */
  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** These customers, as far as they exist. */
  private async readCustomers(customerIds: string[]) {
    const wanted = new Set(customerIds);
    if (wanted.size > LOOKUPS_PER_BATCH) {
      return (await this.listCustomers()).filter(c => wanted.has(c.id));
    }
    // One at a time: the plugin's database serves the ingest meanwhile.
    const customers: CustomerSummary[] = [];
    for (const id of wanted) {
      const found = await this.findCustomer(id);
      if (found) customers.push(found);
    }
    return customers;
  }

  /** Ids of the customers whose entities the catalog has now. */
  private async publishedCustomerIds(): Promise<string[]> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': 'customer',
          [`metadata.annotations.${CUSTOMER_ID_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
        // Only the id: with thousands of customers the whole annotations
        // would be megabytes on every refresh.
        fields: [`metadata.annotations.${CUSTOMER_ID_ANNOTATION}`],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return items.map(e => e.metadata.annotations![CUSTOMER_ID_ANNOTATION]);
  }

  private async listCustomers(): Promise<CustomerSummary[]> {
    // A customer whose sort key moved past the cursor meanwhile is read
    // twice; sent twice, it made two catalog writes of one entity. The
    // later read is the newer.
    const byId = new Map<string, CustomerSummary>();
    for await (const items of this.pages({})) {
      for (const customer of items) byId.set(customer.id, customer);
    }
    return [...byId.values()];
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

  /**
   * The customer list's pages of 500 in creation order, following the
   * cursor to the end. By name (the list's default), a customer renamed
   * meanwhile to a page already read would be on none.
   */
  private async *pages(query: { search?: string }) {
    let cursor: string | null = null;
    do {
      const page = await this.listPage({
        limit: 500,
        ...query,
        sort: 'createdAt',
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
    sort: 'createdAt';
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
