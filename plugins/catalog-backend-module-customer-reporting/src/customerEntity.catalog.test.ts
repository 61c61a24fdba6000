import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  entityEnvelopeSchemaValidator,
  entitySchemaValidator,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { CustomerSummary } from '@customer-reporting/plugin-customer-reporting-common';
import { customerSummaryFixture } from '@customer-reporting/plugin-customer-reporting-common/testUtils';
import {
  customerLocationKey,
  customerReportUrl,
  customerToEntity,
} from './customerEntity';

/**
 * What the catalog runs on an entity a provider sends, in its order: the
 * envelope check of `applyMutation`, the default entity policies of
 * `CatalogBuilder`, the full entity schema, the `Resource` kind validator of
 * the built-in processor and the owner ref it turns into a relation. Any
 * failure would leave the customer out of the catalog (or, for the envelope,
 * fail the whole full refresh).
 */
async function catalogAccepts(entity: Entity): Promise<void> {
  entityEnvelopeSchemaValidator()(entity);
  await EntityPolicies.allOf([
    new SchemaValidEntityPolicy(),
    new DefaultNamespaceEntityPolicy(),
    new NoForeignRootFieldsEntityPolicy(),
    new FieldFormatEntityPolicy(),
  ]).enforce(entity);
  entitySchemaValidator()(entity);
  expect(await resourceEntityV1alpha1Validator.check(entity)).toBe(true);
  parseEntityRef(entity.spec!.owner as string, {
    defaultKind: 'Group',
    defaultNamespace: 'default',
  });
}

const toEntity = (overrides: Partial<CustomerSummary>) => {
  const customer = customerSummaryFixture({ id: 'c1', ...overrides });
  return customerToEntity(customer, {
    defaultOwner: 'group:default/customer-success',
    implementedBy: ['component:default/nimbus-api'],
    reportUrl: customerReportUrl('http://portal.test', customer.id),
    locationKey: customerLocationKey('http://portal.test'),
    licenseDetails: true,
  });
};

describe('customer entities against the catalog’s own validation', () => {
  // Anything the API's ingest accepts (Id: [A-Za-z0-9._:@-]{1,100}; Text:
  // any visible unicode up to 255; Slug up to 100; owner refs by pattern).
  const adversarial: Array<[string, Partial<CustomerSummary>]> = [
    ['an id of 100 characters', { id: 'x'.repeat(100) }],
    ['an id of only symbols', { id: '.:@_-' }],
    ['an id with dots at both ends', { id: '.a.' }],
    ['an id with doubled separators', { id: 'a..b__c--d' }],
    ['an upper case id with : and @', { id: 'CUST:Acme@EU' }],
    ['a name with emoji and unicode', { name: '😀 Ærø Corp — 株式会社' }],
    ['a name of 255 characters', { name: 'Ä'.repeat(255) }],
    ['an app slug of 100 characters', { appSlug: 'a'.repeat(100) }],
    ['a channel name with unicode', { channelName: 'Stäble ✨ (LTS)' }],
    ['a custom id of symbols', { customId: '¿?/\\' }],
    ['an owner ref with odd names', { owner: 'group:a..b/-x_' }],
    ['an archived customer', { archived: true, licenseType: 'community' }],
  ];

  it.each(adversarial)(
    'accepts %s, linked to its report',
    async (_, overrides) => {
      const entity = toEntity(overrides);
      await expect(catalogAccepts(entity)).resolves.toBeUndefined();
      const id = entity.metadata.annotations!['customer-reporting/customer-id'];
      expect(id).toBe(overrides.id ?? 'c1');
      expect(
        decodeURIComponent(new URL(entity.metadata.links![0].url).pathname),
      ).toBe(`/customer-reporting/customers/${id}`);
    },
  );
});

describe('customerReportUrl', () => {
  it('links the report below app.baseUrl, with or without its trailing slash', () => {
    for (const base of ['http://portal.test', 'http://portal.test/']) {
      expect(customerReportUrl(base, 'CUST:Acme@EU')).toBe(
        'http://portal.test/customer-reporting/customers/CUST%3AAcme%40EU',
      );
      expect(customerLocationKey(base)).toBe(
        'url:http://portal.test/customer-reporting',
      );
    }
    // An app served below a path keeps it.
    expect(customerReportUrl('https://corp.test/backstage/', 'c1')).toBe(
      'https://corp.test/backstage/customer-reporting/customers/c1',
    );
  });
});
