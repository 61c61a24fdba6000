import {
  INSTALL_STEPS,
  MAX_INGEST_BATCH_ITEMS,
} from '@customer-reporting/plugin-customer-reporting-common';
import { spec } from './openapi/generated';

// -common's constants are what the pages and data sources read; the spec is
// what the ingest validates. They must say the same.
describe('ingest limits in -common and in openapi.yaml', () => {
  it('caps every batch body at MAX_INGEST_BATCH_ITEMS', () => {
    const batches = [
      ['/v1/check-ins', 'checkIns'],
      ['/v1/install-attempt-events', 'events'],
      ['/v1/portal-events', 'events'],
    ] as const;
    for (const [path, field] of batches) {
      const body = (spec.paths[path].post.requestBody.content as any)[
        'application/json'
      ].schema;
      expect({ path, maxItems: body.properties[field].maxItems }).toEqual({
        path,
        maxItems: MAX_INGEST_BATCH_ITEMS,
      });
    }
  });

  it("allows each install type's steps of INSTALL_STEPS, and only those", () => {
    const event = spec.components.schemas.AttemptEvent as any;
    const rules = event.dependentSchemas.installType.allOf;
    const stepsOf = (installType: string) =>
      rules.find(
        (rule: any) => rule.if.properties.installType.const === installType,
      ).then.properties.step.enum;
    const between = (steps: readonly string[]) =>
      steps.filter(step => step !== 'started' && step !== 'completed');
    for (const installType of ['helm', 'linux'] as const)
      expect(stepsOf(installType)).toEqual(between(INSTALL_STEPS[installType]));
    expect([...event.properties.step.enum].sort()).toEqual(
      [...between(INSTALL_STEPS.helm), ...between(INSTALL_STEPS.linux)].sort(),
    );
  });
});
