/*
 * The check-ins of a benchmark fleet (fleet.mjs), generated lazily from
 * each instance's seed: in backfill order (instance by instance) and live
 * order (time order across instances), and as the rows the store writes.
 */
import { SeededRandom } from '../plugins/customer-reporting-backend-module-demo-data/src/random.ts';
import {
  DEMO_CLOUDS,
  DEMO_DISTRIBUTIONS,
} from '../plugins/customer-reporting-backend-module-demo-data/src/demoCatalog.ts';
import { DAY, HOUR, iso } from './fleet.mjs';

const CLUSTER_TYPES = { kurl: 'kurl', 'embedded-cluster': 'embedded' };

/** The check-ins of one instance in time order (demo's addInstance logic). */
export function instanceCheckIns(fleet, instance) {
  const rnd = new SeededRandom(instance.seed);
  const { now } = fleet;
  const { profile, customer, firstSeen, n, id: instanceId } = instance;
  const distribution =
    profile === 'airgap' ? 'embedded-cluster' : rnd.pick(DEMO_DISTRIBUTIONS);
  const cloud = rnd.pick(DEMO_CLOUDS);
  const region = rnd.pick(cloud.regions);
  const kurl = distribution === 'kurl' || distribution === 'embedded-cluster';
  const nodes = kurl ? rnd.int(1, 5) : undefined;
  const step = profile === 'airgap' ? rnd.int(3, 7) * DAY : 4 * HOUR;
  const end =
    profile === 'inactive'
      ? now - rnd.int(2, 10) * DAY
      : now - rnd.int(0, 3) * HOUR;
  const tags = {
    name: `${['prod', 'staging', 'dev', 'qa', 'dr'][n % 5]}-${rnd.hex(3)}`,
    team: rnd.pick(['platform', 'data', 'infra']),
  };
  let users = rnd.int(5, 400);
  // From 21 min: the demo's 20 can collide with the second check-in (same `at`).
  const readyAfter = rnd.int(21, 180) * 60_000;
  const troubleAt = firstSeen + rnd.next() * Math.max(0, end - firstSeen);
  const troubleLength =
    (profile === 'flaky' ? rnd.int(6, 36) : rnd.int(0, 8)) * HOUR;
  const finalStatus =
    profile === 'failing'
      ? rnd.pick(['degraded', 'unavailable', 'missing', 'updating'])
      : 'ready';
  // The demo draws the upgrade lag per check-in (versions flap); the bench
  // draws it once per instance so upgrades are monotonic.
  const lag = rnd.int(0, 20) * DAY;
  const releases = customer.releases;

  const times = [firstSeen, firstSeen + 20 * 60_000, firstSeen + readyAfter];
  for (let t = firstSeen + readyAfter + step; t <= end; t += step)
    times.push(t);
  const out = [];
  times.forEach((at, i) => {
    if (at > now) return;
    let status;
    if (i === 0) status = 'missing';
    else if (i === 1) status = 'unavailable';
    else if (at >= troubleAt && at < troubleAt + troubleLength)
      status =
        profile === 'flaky' && rnd.chance(0.5) ? 'unavailable' : 'degraded';
    else if (i === times.length - 1) status = finalStatus;
    else status = 'ready';
    let release = releases[0];
    for (let r = releases.length - 1; r >= 0; r--) {
      if (releases[r].promotedAt <= at - lag) {
        release = releases[r];
        break;
      }
    }
    if (rnd.chance(0.02)) users += rnd.int(-20, 40);
    out.push({
      instanceId,
      customerId: customer.id,
      at: iso(at),
      clusterId: `cluster-${instanceId.slice(0, 8)}`,
      airgap: profile === 'airgap',
      appStatus: status,
      appVersion: release.versionLabel,
      channelSlug: customer.channel,
      releaseSequence: release.sequence,
      k8sVersion: '1.30.4',
      k8sDistribution: distribution,
      clusterType: CLUSTER_TYPES[distribution] ?? 'existing',
      ...(nodes
        ? {
            kurlNodesTotal: nodes,
            kurlNodesReady: status === 'unavailable' ? nodes - 1 : nodes,
          }
        : {}),
      kotsVersion: '1.124.3',
      sdkVersion: '1.5.2',
      cloudProvider: cloud.provider,
      cloudRegion: region,
      tags,
      customMetrics: {
        activeUsers: Math.max(1, users),
        dataSources: 3 + (n % 4),
      },
    });
  });
  return out;
}

/**
 * Check-ins split in two phases. `backfill`: everything older than
 * `liveFrom`, instance by instance (what an importer or an agent catching up
 * sends), of every instance or of `instances`. `live`: the rest, in time
 * order across instances (what a fleet of agents checking in every 4 h
 * produces), so consecutive items belong to different instances.
 */
export function* backfillCheckIns(
  fleet,
  liveFrom,
  instances = fleet.instances,
) {
  for (const instance of instances) {
    for (const c of instanceCheckIns(fleet, instance)) {
      if (Date.parse(c.at) < liveFrom) yield c;
    }
  }
}

/**
 * The backfill as `senders` shares sent side by side, each the backfill of
 * every `senders`-th instance: importers (or agents catching up) each send
 * their own instances' history in order, so no two batches of one instance
 * are in flight at once. The backend holds an instance's row lock for a
 * batch's whole transaction, so batches of one instance sent at once wait
 * for each other (docs/ingest.md, "Sending history in parallel").
 */
export function backfillShares(fleet, liveFrom, senders) {
  return Array.from({ length: senders }, (_, share) =>
    backfillCheckIns(
      fleet,
      liveFrom,
      fleet.instances.filter((_, i) => i % senders === share),
    ),
  );
}

export function liveCheckIns(fleet, liveFrom) {
  const live = [];
  for (const instance of fleet.instances) {
    for (const c of instanceCheckIns(fleet, instance)) {
      if (Date.parse(c.at) >= liveFrom) live.push(c);
    }
  }
  return live.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function* batches(items, size) {
  let batch = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** The check_ins row the store writes for a check-in (for the floor). */
export function checkInRow(c, receivedAt) {
  const { instanceId, customerId, at, ...fields } = c;
  return {
    instance_id: instanceId,
    at: Date.parse(at),
    app_status: fields.appStatus ?? null,
    payload: JSON.stringify(fields),
    received_at: receivedAt,
  };
}
