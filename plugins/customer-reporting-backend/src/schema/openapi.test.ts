import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { createRouter } from '../service/router';
import { readPluginOptions } from '../options';

/** Keeps the router and its OpenAPI description from drifting apart. */
describe('openapi.yaml', () => {
  const spec = YAML.parse(
    fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
  );

  async function routerRoutes() {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      access: {} as any,
      stores: {} as any,
      ingest: {} as any,
      options: readPluginOptions(mockServices.rootConfig()),
      clock: Date.now,
    });
    const routes: string[] = [];
    for (const layer of (router as any).stack) {
      if (!layer.route) continue;
      const openApiPath = layer.route.path.replace(/:(\w+)/g, '{$1}');
      for (const method of Object.keys(layer.route.methods))
        routes.push(`${method.toUpperCase()} ${openApiPath}`);
    }
    return routes.sort();
  }

  it('describes exactly the routes the router serves', async () => {
    const documented = Object.entries(spec.paths as Record<string, object>)
      .flatMap(([p, methods]) =>
        Object.keys(methods).map(m => `${m.toUpperCase()} ${p}`),
      )
      .sort();
    expect(documented).toEqual(await routerRoutes());
  });

  it('resolves every $ref', () => {
    const refs = JSON.stringify(spec).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const [, , section, name] = ref.slice(8, -1).split('/');
      expect(spec.components[section]?.[name]).toBeDefined();
    }
    expect(refs.length).toBeGreaterThan(20);
  });
});
