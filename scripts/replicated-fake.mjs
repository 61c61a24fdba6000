#!/usr/bin/env node
/*
 * A fake of Replicated's Vendor API v3 on a local port, for `yarn
 * dev:replicated` (scripts/dev-replicated.sh). It serves the very msw
 * handlers and fixtures the Replicated module's tests use
 * (plugins/customer-reporting-backend-module-replicated/dev and
 * src/__fixtures__), answering a Node http server's requests with msw's
 * getResponse: the routes, query parameters and answer shapes of the Vendor
 * API v3 specification, checked by the module's contract test. The
 * fixtures' times are shifted so that they end now.
 *
 * Environment: REPLICATED_FAKE_PORT (7587), REPLICATED_API_TOKEN (the one
 * Authorization header accepted; default fake-replicated-token).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
// Node strips the types of this TypeScript file itself (Node 22.18+).
import { createVendorApiHandlers } from '../plugins/customer-reporting-backend-module-replicated/dev/vendorApiHandlers.ts';

const MODULE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../plugins/customer-reporting-backend-module-replicated',
);
const PORT = Number(process.env.REPLICATED_FAKE_PORT || 7587);
const TOKEN = process.env.REPLICATED_API_TOKEN || 'fake-replicated-token';
const ORIGIN = `http://localhost:${PORT}`;

const fixture = name =>
  JSON.parse(
    fs.readFileSync(
      path.join(MODULE_DIR, 'src', '__fixtures__', `${name}.json`),
      'utf8',
    ),
  );

const handlers = createVendorApiHandlers({
  baseUrl: `${ORIGIN}/vendor/v3`,
  apiToken: TOKEN,
  fixtures: {
    apps: fixture('apps'),
    customers: fixture('customers'),
    events: fixture('events'),
    releases: fixture('releases'),
    installAttempts: fixture('installAttempts'),
    customerUsers: fixture('customerUsers'),
    serviceAccounts: fixture('serviceAccounts'),
    portalInstances: fixture('portalInstances'),
    supportBundles: fixture('supportBundles'),
  },
  now: Date.now,
});

const server = http.createServer(async (req, res) => {
  try {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      for (const v of [value].flat())
        if (v !== undefined) headers.append(key, v);
    }
    // The handlers match on this origin whatever host name the caller used.
    const request = new Request(new URL(req.url, ORIGIN), {
      method: req.method,
      headers,
    });
    const response =
      (await getResponse(handlers, request)) ??
      Response.json({ message: 'no such route in the fake' }, { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
    console.log(
      `[replicated-fake] ${req.method} ${req.url} → ${response.status}`,
    );
  } catch (error) {
    console.error(`[replicated-fake] ${req.method} ${req.url}: ${error.stack}`);
    res.writeHead(500).end();
  }
});

server.listen(PORT, () => {
  console.log(`[replicated-fake] Vendor API v3 fake on ${ORIGIN}/vendor/v3`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
