/*
 * Sends a body to one of the customer-reporting ingest routes with the local
 * development token, for the e2e scripts that make their own data.
 */

const TOKEN = 'dev-ingest-token-change-me'; // app-config.demo.yaml, local only

/** `method path` with `body` as JSON; throws with the answer when not 2xx. */
export async function ingest(backendUrl, method, path, body) {
  const response = await fetch(`${backendUrl}/api/customer-reporting${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(
      `${method} ${path}: ${response.status} ${await response.text()}`,
    );
}

/**
 * `PUT /v1/customers/{id}` of a customer made for one e2e test: a paid
 * Stable customer with no features, created `createdAt`, with `fields` on
 * top (name, app, license type, ...).
 */
export function putTestCustomer(backendUrl, id, fields) {
  return ingest(backendUrl, 'PUT', `/v1/customers/${id}`, {
    channelSlug: 'stable',
    licenseType: 'paid',
    licenseId: `lic-${id}`,
    features: {
      gitops: false,
      airgap: false,
      identity: false,
      snapshots: false,
    },
    ...fields,
  });
}
