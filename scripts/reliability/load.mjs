// Clients that send batches of check-ins and retry until the backend
// acknowledges them, remembering exactly what was acknowledged.
const TOKEN = 'dev-ingest-token-change-me';

export async function call(port, method, path, body) {
  const response = await fetch(
    `http://127.0.0.1:${port}/api/customer-reporting${path}`,
    {
      method,
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  return {
    status: response.status,
    body: await response.json().catch(() => null),
  };
}

/**
 * One client: `batches` batches of `size` check-ins for its own instances,
 * 10 % of each a replay of earlier items. Retries on 503 and connection
 * errors; a 2xx acknowledges the whole batch.
 */
export async function runClient({ id, port, batches, size, start, stats }) {
  const fresh = Math.round(size * 0.9);
  const item = n => ({
    instanceId: `rel-${id}-${n % 5}`,
    customerId: 'rel-customer',
    at: new Date(start + n * 60_000).toISOString(),
    appStatus: n % 7 === 0 ? 'degraded' : 'ready',
  });
  for (let b = 0; b < batches; b++) {
    const items = Array.from({ length: fresh }, (_, i) => item(b * fresh + i));
    const sent = (b + 1) * fresh;
    for (let r = 0; r < size - fresh; r++)
      items.push(item((r * 31 + b * 7) % sent));
    for (let attempt = 0; ; attempt++) {
      let status;
      try {
        const res = await call(port, 'POST', '/v1/check-ins', {
          checkIns: items,
        });
        status = res.status;
        if (status === 200) {
          stats.accepted += res.body.accepted;
          stats.duplicates += res.body.duplicates;
          for (const i of items)
            stats.acknowledged.add(`${i.instanceId}@${i.at}`);
          break;
        }
      } catch {
        status = 'connection error';
      }
      stats.retries[status] = (stats.retries[status] ?? 0) + 1;
      if (status !== 503 && status !== 'connection error')
        throw new Error(`client ${id}: unexpected ${status}`);
      if (attempt > 120)
        throw new Error(`client ${id}: gave up after ${attempt} retries`);
      await new Promise(r => setTimeout(r, 250));
    }
    stats.batches += 1;
  }
  return fresh * batches;
}
