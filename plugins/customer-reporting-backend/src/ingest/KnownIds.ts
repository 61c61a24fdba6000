/**
 * A set of ids that forgets everything when it reaches its bound: for ids
 * that stay valid once seen, where forgetting only costs a lookup again.
 */
export class KnownIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string) {
    if (this.ids.size >= this.max) this.ids.clear();
    this.ids.add(id);
  }
}
