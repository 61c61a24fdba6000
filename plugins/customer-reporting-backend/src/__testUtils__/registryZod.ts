import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { RegistryZod } from '../actions/specToZod';

/**
 * Test helper: the zod instance the actions registry hands to schema
 * builders, taken from the registry's test mock (not a zod import, which
 * could be another copy than the registry's).
 */
export async function registryZod(): Promise<RegistryZod> {
  const registry = actionsRegistryServiceMock();
  let captured: RegistryZod | undefined;
  registry.register({
    name: 'probe',
    title: 'Probe',
    description: 'Hands over the zod instance',
    schema: {
      input: z => {
        captured = z;
        return z.object({});
      },
      output: z => z.object({}),
    },
    action: async () => ({ output: {} }),
  });
  await registry.list();
  if (!captured) throw new Error('The registry built no schema');
  return captured;
}
