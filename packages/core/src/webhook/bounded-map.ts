// The in-memory stores keep a bounded number of entries and forget the oldest first. The order is a
// ring of keys beside the Map, not the Map's own insertion order: taking a Map's first key after many
// deletes walks over the holes they left, which made every eviction cost microseconds.
import { ConfigurationError } from "../errors";

export const DEFAULT_MEMORY_ENTRIES = 10_000;

interface Entry<Value> {
  /** Where the key sits in the ring; a key deleted and set again sits elsewhere. */
  readonly slot: number;
  value: Value;
}

/** A string-keyed map that holds at most `maxEntries` keys; setting a new key past the bound forgets the oldest. */
export class BoundedMap<Value> {
  readonly #entries = new Map<string, Entry<Value>>();
  readonly #ring: (string | undefined)[];
  #next = 0;

  constructor(maxEntries: number = DEFAULT_MEMORY_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new ConfigurationError("maxEntries must be a positive integer");
    }
    this.#ring = new Array(maxEntries);
  }

  get(key: string): Value | undefined {
    return this.#entries.get(key)?.value;
  }

  /** Updates a key in place, or adds it as the newest, forgetting the oldest when the ring is full. */
  set(key: string, value: Value): void {
    const entry = this.#entries.get(key);
    if (entry) {
      entry.value = value;
      return;
    }
    const slot = this.#next;
    const oldest = this.#ring[slot];
    if (oldest !== undefined && this.#entries.get(oldest)?.slot === slot) this.#entries.delete(oldest);
    this.#ring[slot] = key;
    this.#next = (slot + 1) % this.#ring.length;
    this.#entries.set(key, { slot, value });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
