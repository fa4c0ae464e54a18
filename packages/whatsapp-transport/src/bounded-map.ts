/**
 * A Map that keeps at most `capacity` entries and forgets the least recently used one first.
 * Reading an entry with `get` counts as a use.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Remembers recently seen ids; `firstSighting` is true only the first time an id shows up. */
export class RecentIds {
  private readonly seen: BoundedMap<string, true>;

  constructor(capacity = 10_000) {
    this.seen = new BoundedMap(capacity);
  }

  firstSighting(id: string): boolean {
    if (this.seen.get(id)) return false;
    this.seen.set(id, true);
    return true;
  }
}
