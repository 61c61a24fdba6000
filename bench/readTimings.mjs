/*
 * The read timings of `yarn bench` (bench/run.mjs), one function per part,
 * each against the loaded backend (`api`) and the plugin's database (`pdb`,
 * for the floors), adding its rows to the results with `add`.
 */
import { gzipSync } from 'node:zlib';
// The contract's event types, generated from the spec (Node 22 strips the
// types of a .ts module).
import { AlertEventTypeValues } from '../plugins/customer-reporting-common/src/generated/models/AlertEventType.model.ts';
import { memoryOf, sampleRss } from './backend.mjs';
import { DAY, PROBES } from './fleet.mjs';
import {
  interleavedSeries,
  latencyStats,
  now,
  series,
  warmUp,
} from './measure.mjs';
import { msCell } from './report.mjs';

/**
 * The least SQL one report needs: every table its answer is made of (the
 * customer with its channel's name, the releases of its app, its instances,
 * the `appStatus` events of the window and the spans that reach into it, its
 * portal events and its latest install attempts with their count), one plain
 * Knex read each, side by side as the report runs its reads.
 */
async function reportFloor(k, customerId, from, to) {
  const ids = () =>
    k('instances').where({ customer_id: customerId }).select('id');
  await Promise.all([
    k('customers as c')
      .leftJoin('channels as ch', function joinChannel() {
        this.on('ch.app_slug', '=', 'c.app_slug').andOn(
          'ch.slug',
          '=',
          'c.channel_slug',
        );
      })
      .where('c.id', customerId)
      .first('c.*', 'ch.name as channel_name'),
    k('releases')
      .where(
        'app_slug',
        k('customers').where({ id: customerId }).select('app_slug'),
      )
      .orderBy('sequence'),
    k('instances').where({ customer_id: customerId }),
    k('instance_events')
      .whereIn('instance_id', ids())
      .andWhere({ field: 'appStatus' })
      .andWhere('at', '>=', from)
      .andWhere('at', '<=', to)
      .select('instance_id', 'at', 'value'),
    k('instance_spans')
      .whereIn('instance_id', ids())
      .andWhere('last_at', '>=', from - DAY)
      .andWhere('start_at', '<=', to),
    k('portal_events')
      .where({ customer_id: customerId })
      .andWhere('at', '<=', to),
    k('install_attempts')
      .where({ customer_id: customerId })
      .andWhere('started_at', '<=', to)
      .select('*', k.raw('count(*) over () as total'))
      .orderBy('started_at', 'desc')
      .limit(100),
  ]);
}

async function exportOnce(api) {
  const res = await fetch(`${api.base}/v1/exports/customers-instances.csv`, {
    headers: api.headers,
  });
  if (!res.ok)
    throw new Error(
      `export → ${res.status}: ${(await res.text()).slice(0, 300)}`,
    );
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { bytes, rows: lines - 1 };
}

/** 2 + 3. Customer reports of every probe, beside the SQL floor and the no-op. */
export async function timeReports({ db, args, api, pdb, add, log }) {
  log(`${db}: timing customer reports (${args.runs} requests each)`);
  const asOf = Date.now();
  const windowStart = Math.floor(asOf / DAY) * DAY - 13 * DAY;
  const reportP50 = {};
  let answer50;
  // Timed warm, as a backend serving reports all day is: the report, the
  // no-op and the floor each run 200 times untimed first.
  await warmUp(async () => {
    await api.read('/v1/customers/probe-50/report?includeInactive=true');
    await api.noop();
    await reportFloor(pdb, 'probe-50', windowStart, asOf);
  });
  // The fairer floor beside the SQL one: what Backstage costs any request,
  // timed in turns with each probe's report and SQL floor.
  const rows = [];
  for (const probe of PROBES) {
    const route = `/v1/customers/${probe.id}/report?includeInactive=true`;
    const report = await api.get(route);
    if (report.instances.length !== probe.instances)
      throw new Error(
        `${probe.id}: report shows ${report.instances.length} instances, expected ${probe.instances}`,
      );
    const [noop, apiStats, floorStats] = await interleavedSeries(
      [
        () => api.noop(),
        () => api.read(route),
        () => reportFloor(pdb, probe.id, windowStart, asOf),
      ],
      { runs: args.runs },
    );
    reportP50[probe.id] = apiStats.p50;
    if (probe.id === 'probe-50') {
      answer50 = report;
      rows.unshift({
        figure:
          'authenticated no-op request (static token checked, routed into the plugin, 404), in turns with probe-50',
        value: noop,
        floor: '',
        ratio: '',
      });
    }
    rows.push(
      {
        figure: probe.label,
        value: apiStats,
        floor: floorStats,
        ratio: apiStats.p50 / floorStats.p50,
      },
      {
        figure: `${probe.label}, p50 against SQL floor + no-op request`,
        value: `p50 ${msCell(apiStats.p50)} ms`,
        floor: `p50 ${msCell(floorStats.p50)} + ${msCell(noop.p50)} ms`,
        ratio: apiStats.p50 / (floorStats.p50 + noop.p50),
      },
    );
  }
  rows.forEach(add);
  // Part of any answer's time that is neither our work nor Backstage's fixed
  // cost: its size. The plugin gzips it at level 1 for clients accepting
  // gzip (service/gzipJsonAnswers.ts), as the bench's fetch does.
  const json = JSON.stringify(answer50);
  add({
    figure: `encoding the 50-instance answer (${Math.round(
      json.length / 1024,
    )} KB of JSON): JSON.stringify + gzip level 1, in the bench's process`,
    value: await series(
      async () => gzipSync(JSON.stringify(answer50), { level: 1 }),
      { runs: args.runs },
    ),
    floor: '',
    ratio: '',
  });
  add({
    figure: 'report 90 d ÷ 14 d of history (p50, 50 instances)',
    value: `${(reportP50['probe-hist-90'] / reportP50['probe-hist-14']).toFixed(
      2,
    )}×`,
    floor: '',
    ratio: '',
  });
}

/** 4. The install audit over every attempt. */
export async function timeAudit({ db, result, api, pdb, add, log }) {
  log(
    `${db}: timing the install audit over ${result.counts.install_attempts} attempts`,
  );
  const auditFloor = await series(
    () =>
      pdb('install_attempts')
        .groupBy('install_type', 'furthest_step')
        .select('install_type', 'furthest_step')
        .count({ n: '*' }),
    { runs: 10, warmup: 2 },
  );
  for (const route of ['summary', 'funnel', 'failure-groups']) {
    const stats = await series(
      () => api.read(`/v1/install-attempts/${route}`),
      { runs: 10, warmup: 2 },
    );
    add({
      figure: `GET /v1/install-attempts/${route} (${result.counts.install_attempts} attempts)`,
      value: stats,
      floor: auditFloor,
      ratio: stats.p50 / auditFloor.p50,
    });
  }
}

/** 4b. Adoption over time: one grouped query per range (docs/adoption.md). */
export async function timeAdoption({ db, result, api, pdb, add, log }) {
  log(`${db}: timing the adoption route`);
  const adoptionFloor = await series(
    () =>
      pdb('instance_events')
        .whereIn('field', ['releaseSequence', 'appStatus'])
        .groupBy('field')
        .select('field')
        .count({ n: '*' }),
    { runs: 10, warmup: 2 },
  );
  for (const range of ['90d', '1y']) {
    const stats = await series(
      () => api.read(`/v1/apps/nimbus/adoption?range=${range}`),
      { runs: 10, warmup: 2 },
    );
    add({
      figure: `GET /v1/apps/nimbus/adoption?range=${range} (half of the ${result.counts.instances} instances)`,
      value: stats,
      floor: adoptionFloor,
      ratio: stats.p50 / adoptionFloor.p50,
    });
  }
}

/** 4c. Alert evaluation after ingest (docs/alerts.md). */
export async function timeAlertEvaluation({ db, fleet, api, add, log }) {
  // The same kind of
  // live batch (500 instances, one new check-in each) without rules, then
  // with one rule of each event type judged for the customers the batch
  // touched before the answer; the difference is the evaluator's cost per
  // batch. Times after the fleet's last check-in, one second apart.
  log(`${db}: timing alert evaluation per ingest batch`);
  const batchInstances = fleet.instances.slice(0, 500);
  let alertBatchAt = fleet.now;
  const alertBatch = () => {
    alertBatchAt += 1000;
    return api.send('POST', '/v1/check-ins', {
      checkIns: batchInstances.map(i => ({
        instanceId: i.id,
        customerId: i.customer.id,
        at: new Date(alertBatchAt).toISOString(),
        appStatus: 'ready',
      })),
    });
  };
  const withoutRules = await series(alertBatch, { runs: 10, warmup: 2 });
  for (const eventType of AlertEventTypeValues)
    await api.send('PUT', `/v1/alerts/rules/bench-${eventType}`, {
      name: `bench ${eventType}`,
      eventType,
      recipients: ['user:default/bench'],
    });
  const withRules = await series(alertBatch, { runs: 10, warmup: 2 });
  const customersTouched = new Set(batchInstances.map(i => i.customer.id)).size;
  add({
    figure: `POST /v1/check-ins, 500 instances of ${customersTouched} customers, with one alert rule per event type (floor: without rules); evaluator ≈ ${Math.round(
      withRules.p50 - withoutRules.p50,
    )} ms per batch`,
    value: withRules,
    floor: withoutRules,
    ratio: withRules.p50 / withoutRules.p50,
  });
}

/** 5. CSV export of all instances: time and backend memory. */
export async function timeExport({ db, backend, api, pdb, add, log }) {
  log(`${db}: timing the customers-instances CSV export`);
  const rssBefore = memoryOf(backend.pid).rss;
  const sampler = sampleRss(backend.pid);
  const exportTimes = [];
  let exported;
  for (let i = 0; i < 3; i++) {
    const t = now();
    exported = await exportOnce(api);
    exportTimes.push(now() - t);
  }
  const peak = sampler.stop();
  const exportFloor = [];
  for (let i = 0; i < 3; i++) {
    const t = now();
    await pdb('instances as i')
      .join('customers as c', 'c.id', 'i.customer_id')
      .orderBy(['i.customer_id', 'i.id'])
      .select('i.*', 'c.name');
    exportFloor.push(now() - t);
  }
  const exportStats = latencyStats(exportTimes);
  const exportFloorStats = latencyStats(exportFloor);
  add({
    figure: `CSV export, ${exported.rows} instances (${(
      exported.bytes / 1048576
    ).toFixed(1)} MiB), median of 3`,
    value: `${Math.round(exportStats.p50)} ms`,
    floor: `${Math.round(exportFloorStats.p50)} ms`,
    ratio: exportStats.p50 / exportFloorStats.p50,
  });
  add({
    figure: 'backend RSS during export: before → peak (sampled every 20 ms)',
    value: `${rssBefore.toFixed(0)} → ${peak.toFixed(0)} MiB (+${(
      peak - rssBefore
    ).toFixed(0)})`,
    floor: '',
    ratio: '',
  });
}
