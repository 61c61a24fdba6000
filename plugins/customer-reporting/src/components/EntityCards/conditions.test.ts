import { Entity } from '@backstage/catalog-model';
import { isCustomerAppAvailable, isCustomerEntity } from './conditions';

function entity(
  kind: string,
  annotations: Record<string, string>,
  type?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', annotations },
    spec: type ? { type } : {},
  };
}

const customerAnnotations = {
  'customer-reporting/customer-id': 'cust-1',
  'customer-reporting/app': 'nimbus',
};

describe('isCustomerEntity', () => {
  it('accepts a customer resource with its customer ID', () => {
    expect(
      isCustomerEntity(entity('Resource', customerAnnotations, 'customer')),
    ).toBe(true);
  });

  it.each([
    [
      'another resource type',
      entity('Resource', customerAnnotations, 'database'),
    ],
    ['a component', entity('Component', customerAnnotations, 'customer')],
    [
      'a customer without ID',
      entity('Resource', { 'customer-reporting/app': 'nimbus' }, 'customer'),
    ],
  ])('rejects %s', (_, e) => {
    expect(isCustomerEntity(e)).toBe(false);
  });
});

describe('isCustomerAppAvailable', () => {
  it.each(['Component', 'System', 'component'])(
    'accepts a %s of an app',
    kind => {
      expect(
        isCustomerAppAvailable(
          entity(kind, { 'customer-reporting/app': 'nimbus' }),
        ),
      ).toBe(true);
    },
  );

  it.each([
    ['a customer entity', entity('Resource', customerAnnotations, 'customer')],
    ['a component without the annotation', entity('Component', {})],
    ['a blank annotation', entity('System', { 'customer-reporting/app': ' ' })],
  ])('rejects %s', (_, e) => {
    expect(isCustomerAppAvailable(e)).toBe(false);
  });
});
