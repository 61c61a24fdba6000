/** A small seeded PRNG (mulberry32): the demo fleet is the same on every start. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /**
   * A whole number of milliseconds in [minMs, maxMs): times built from it
   * land on any second and millisecond, like real reports do.
   */
  ms(minMs: number, maxMs: number): number {
    return minMs + Math.floor(this.next() * (maxMs - minMs));
  }

  /**
   * Milliseconds in [minMs, maxMs) with short spans as likely as long ones
   * per factor of ten (log-uniform): most installs take hours, a few weeks.
   */
  logMs(minMs: number, maxMs: number): number {
    return Math.floor(minMs * Math.pow(maxMs / minMs, this.next()));
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length)
      out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}
