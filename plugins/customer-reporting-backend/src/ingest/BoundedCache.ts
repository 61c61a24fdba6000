/**
 * A map that forgets everything when it reaches its bound: for entries that
 * stay valid once made, where forgetting one costs only making it again,
 * and whose keys come from clients, so the map must not grow without end.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V) {
    if (this.entries.size >= this.max && !this.entries.has(key))
      this.entries.clear();
    this.entries.set(key, value);
  }
}
