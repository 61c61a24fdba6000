import Ajv2020 from 'ajv/dist/2020';
import { mockServices } from '@backstage/backend-test-utils';
import { createRouter } from '../service/router';
import { readPluginOptions } from '../options';
import { spec } from './openapi/generated';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

const operations = Object.entries(spec.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${path}`,
      path,
      operation: operation as Json,
    })),
);

function resolve(item: Json): Json {
  if (!item?.$ref) return item;
  const [, , section, name] = item.$ref.split('/');
  return resolve((spec.components as Json)[section][name]);
}

/** Invariants that keep openapi.yaml saying what the router answers. */
describe('openapi.yaml', () => {
  it('describes exactly the routes the router serves', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      auditor: mockServices.auditor.mock(),
      access: {} as any,
      stores: {} as any,
      ingest: {} as any,
      options: readPluginOptions(mockServices.rootConfig()),
      clock: Date.now,
    });
    // The routes sit in the validated router, inside the body parser's.
    const layers = (stack: any[]): any[] =>
      stack.flatMap(layer =>
        layer.handle?.stack ? layers(layer.handle.stack) : [layer],
      );
    const served = layers((router as any).stack)
      .filter((layer: any) => layer.route)
      .flatMap((layer: any) =>
        Object.keys(layer.route.methods).map(
          method =>
            `${method.toUpperCase()} ${layer.route.path.replace(
              /:(\w+)/g,
              '{$1}',
            )}`,
        ),
      )
      // The validated router serves the spec itself.
      .filter((route: string) => route !== 'GET /openapi.json');
    expect(served.sort()).toEqual(operations.map(o => o.route).sort());
  });

  it('has defaults that its own parameter schemas accept (e.g. limit within its maximum)', () => {
    const ajv = new Ajv2020({ strict: false });
    // The parameter's schema with the components it refers to, as $defs.
    const withComponents = (schema: Json) =>
      JSON.parse(
        JSON.stringify({
          ...schema,
          $defs: (spec.components as Json).schemas,
        }).replace(/#\/components\/schemas\//g, '#/$defs/'),
      );
    const checked = operations.flatMap(({ route, operation }) =>
      (operation.parameters ?? [])
        .map(resolve)
        .map((p: Json) => [p, p.schema.default ?? resolve(p.schema).default])
        .filter(([, value]: Json[]) => value !== undefined)
        .map(([p, value]: Json[]) => [
          route,
          p.name,
          ajv.validate(withComponents(p.schema), value),
        ]),
    );
    expect(checked.filter(([, , valid]) => !valid)).toEqual([]);
    expect(checked.length).toBeGreaterThan(10);
  });

  it('documents a 400 wherever a request can be refused by validation', () => {
    const undocumented = operations
      .filter(
        ({ operation }) =>
          (operation.parameters?.length || operation.requestBody) &&
          !operation.responses['400'],
      )
      .map(({ route }) => route);
    expect(undocumented).toEqual([]);
  });

  it('answers every CSV export as text/csv, and only those', () => {
    const contentTypes = operations.map(({ path, operation }) => [
      path,
      Object.keys(resolve(operation.responses['200'] ?? {}).content ?? {}),
    ]);
    for (const [path, types] of contentTypes) {
      expect([path, types.includes('text/csv')]).toEqual([
        path,
        String(path).endsWith('.csv'),
      ]);
    }
  });

  it('has no key YAML made of a stray comma in a flow map (a null value)', () => {
    const nulls: string[] = [];
    const walk = (value: unknown, at: string) => {
      if (!value || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        const allowed = key === 'default' || at.endsWith('/enum');
        if (child === null && !allowed) nulls.push(`${at}/${key}`);
        walk(child, `${at}/${key}`);
      }
    };
    walk(spec, '');
    expect(nulls).toEqual([]);
  });
});
