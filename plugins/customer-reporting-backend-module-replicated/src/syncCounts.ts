/**
 * Figures of one sync, reported with the source's status: what was pulled
 * and stored, and what had to be left out.
 */
export class SyncCounts {
  private readonly values: Record<string, number> = {};

  add(key: string, n = 1) {
    if (n) this.values[key] = (this.values[key] ?? 0) + n;
  }

  toJSON(): Record<string, number> {
    return { ...this.values };
  }
}
