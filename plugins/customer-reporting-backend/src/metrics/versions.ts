export interface Release {
  sequence: number;
  versionLabel: string;
  promotedAt: number;
}

export interface VersionStanding {
  versionsBehind: number | null;
  /** now − promotion of the running release, whole seconds */
  ageSeconds: number | null;
  /** promotion of the channel's latest release − promotion of the running one, whole days */
  relativeAgeDays: number | null;
}

/**
 * How far an instance's running release is behind its channel. The running
 * release is found by sequence, else by version label; releases promoted
 * after `now` do not exist yet. Unknown release → nulls.
 */
export function versionStanding(
  releases: readonly Release[],
  running: { sequence?: number | null; versionLabel?: string | null },
  now: number,
): VersionStanding {
  const published = releases.filter(r => r.promotedAt <= now);
  const current = runningRelease(published, running);
  if (!current)
    return { versionsBehind: null, ageSeconds: null, relativeAgeDays: null };
  const latest = published.reduce((a, b) =>
    b.promotedAt > a.promotedAt ? b : a,
  );
  return {
    versionsBehind: published.filter(r => r.promotedAt > current.promotedAt)
      .length,
    ageSeconds: Math.round((now - current.promotedAt) / 1000),
    relativeAgeDays: Math.floor(
      (latest.promotedAt - current.promotedAt) / 86_400_000,
    ),
  };
}

/** The running release among `releases`: by sequence, else by version label. */
export function runningRelease(
  releases: readonly Release[],
  running: { sequence?: number | null; versionLabel?: string | null },
): Release | undefined {
  return (
    (running.sequence !== null && running.sequence !== undefined
      ? releases.find(r => r.sequence === running.sequence)
      : undefined) ??
    releases.find(r => r.versionLabel === running.versionLabel)
  );
}

/** The label shown: the version label, else the release sequence. */
export function displayVersion(
  versionLabel?: string | null,
  sequence?: number | null,
): string | null {
  if (versionLabel) return versionLabel;
  return sequence === null || sequence === undefined ? null : String(sequence);
}
