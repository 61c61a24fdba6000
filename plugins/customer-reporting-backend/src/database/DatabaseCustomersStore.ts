import { randomBytes } from 'crypto';
import { Knex } from 'knex';
import { chunk } from './chunk';
import { CustomerApp } from '@customer-reporting/plugin-customer-reporting-common';
import { IngestedCustomer } from '../ingest/ingestTypes';
import {
  applyCustomerFilter,
  CustomerFilter,
} from '../permissions/customerFilter';
import { CustomerListQuery, listCustomers } from './customerList';
import { customerSearchText } from './customerSearch';

/** Customers (one license each) and the customer list with its rollups. */
export class DatabaseCustomersStore {
  constructor(private readonly db: Knex) {}

  /**
   * Creates or updates the customer; false when it has another license ID.
   * A license ID never changes (domain §1): an update naming another one
   * changes nothing, in the same statement, for the caller to refuse.
   */
  async upsertCustomer(
    id: string,
    c: IngestedCustomer,
    now: number,
  ): Promise<boolean> {
    const fields = {
      name: c.name,
      email: c.email ?? null,
      custom_id: c.customId ?? null,
      app_slug: c.appSlug,
      channel_slug: c.channelSlug,
      license_type: c.licenseType,
      license_id: c.licenseId,
      created_at: c.createdAt,
      expires_at: c.expiresAt ?? null,
      archived: c.archived,
      enterprise_portal_enabled: c.enterprisePortalEnabled,
      download_portal_url: c.downloadPortalUrl ?? null,
      features: JSON.stringify(c.features),
      custom_fields: JSON.stringify(c.customFields),
      owner: c.owner ?? null,
      search_text: customerSearchText({ id, ...c }),
      updated_at: now,
    };
    // The portal slug and password belong to the portal, not to the upstream
    // record: an update never touches them.
    // A row is returned when inserted or updated, none when the WHERE of
    // the update held it back.
    const written = await this.db('customers')
      .insert({ id, ...fields, portal_slug: randomBytes(16).toString('hex') })
      .onConflict('id')
      .merge(Object.keys(fields))
      .where('customers.license_id', c.licenseId)
      .returning('id');
    return written.length > 0;
  }

  /** What permission rules see of these customers, in the order asked. */
  async getPermissionResources(ids: string[]) {
    const rows = await this.db('customers')
      .whereIn('id', ids)
      .select('id', 'owner', 'license_type', 'app_slug');
    const byId = new Map(rows.map(r => [r.id, r]));
    return ids.map(id => {
      const r = byId.get(id);
      return (
        r && {
          id: r.id,
          owner: r.owner ?? null,
          licenseType: r.license_type,
          appSlug: r.app_slug,
        }
      );
    });
  }

  /** Stores only the hash; who set it and when are shown on the portal card. */
  async setPortalPassword(
    id: string,
    hash: string,
    actor: string,
    at: number,
  ): Promise<void> {
    await this.db('customers').where({ id }).update({
      portal_password_hash: hash,
      portal_password_set_by: actor,
      portal_password_set_at: at,
    });
  }

  async setEnterprisePortal(
    id: string,
    enabled: boolean,
    at: number,
  ): Promise<void> {
    await this.db('customers')
      .where({ id })
      .update({ enterprise_portal_enabled: enabled, updated_at: at });
  }

  async getCustomerRow(id: string) {
    return this.db('customers').where({ id }).first();
  }

  /** Ids of the given customers that do not exist. */
  async findMissing(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Set<string>();
    for (const part of chunk(unique, 500)) {
      const rows = await this.db('customers').whereIn('id', part).select('id');
      rows.forEach(r => found.add(r.id));
    }
    return unique.filter(id => !found.has(id));
  }

  async countCustomers(): Promise<number> {
    const [{ count }] = await this.db('customers').count({ count: '*' });
    return Number(count);
  }

  /** One page of the customer list (see customerList.ts). */
  async listCustomers(query: CustomerListQuery) {
    return listCustomers(this.db, query);
  }

  /**
   * The apps and channels of the customers the caller may see, with their
   * names: the options of the list's app and channel filters.
   */
  async listCustomerApps(
    customerFilter: CustomerFilter,
  ): Promise<CustomerApp[]> {
    const rows = await applyCustomerFilter(
      this.db('customers as c')
        .leftJoin('apps as a', 'a.slug', 'c.app_slug')
        .leftJoin('channels as ch', function joinChannel() {
          this.on('ch.app_slug', '=', 'c.app_slug').andOn(
            'ch.slug',
            '=',
            'c.channel_slug',
          );
        }),
      customerFilter,
    )
      .distinct(
        'c.app_slug',
        'c.channel_slug',
        'a.name as app_name',
        'ch.name as channel_name',
      )
      .orderBy(['c.app_slug', 'c.channel_slug']);
    const apps = new Map<string, CustomerApp>();
    for (const r of rows) {
      const app: CustomerApp = apps.get(r.app_slug) ?? {
        slug: r.app_slug,
        name: r.app_name ?? r.app_slug,
        channels: [],
      };
      app.channels.push({
        slug: r.channel_slug,
        name: r.channel_name ?? r.channel_slug,
      });
      apps.set(r.app_slug, app);
    }
    return [...apps.values()];
  }
}
