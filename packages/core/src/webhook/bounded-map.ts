// The in-memory stores keep a bounded number of entries and forget the oldest first. Every call of
// a receiver looks its id up and most add one, so this is a hash table of its own rather than a
// Map: a Map that forgets one key per new key leaves holes, rebuilds its table every few thousand
// keys (a new table in the old generation each time) and cost a decision receiver more than a
// microsecond a call. Here the table and the hashes are typed arrays, made once and never
// reallocated; an entry adds nothing to the heap but its key.
// Open addressing with linear probing, at most half full, so a missing id is found missing after
// one or two probes; removal shifts the following entries back instead of leaving tombstones.
import { ConfigurationError } from "../errors";

export const DEFAULT_MEMORY_ENTRIES = 10_000;

/** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser to spread sequential ids. */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

const NOT_FOUND = -1;

/** A string-keyed map that holds at most `maxEntries` keys; setting a new key past the bound forgets the oldest. */
export class BoundedMap<Value> {
  /** Per table position: the slot of the entry there, plus one; 0 is an empty position. */
  readonly #table: Int32Array;
  readonly #mask: number;
  /** Per slot, in the order entries were added (a ring): key, its hash and value; no key means free. */
  readonly #keys: (string | undefined)[];
  readonly #hashes: Int32Array;
  readonly #values: (Value | undefined)[];
  #next = 0;

  constructor(maxEntries: number = DEFAULT_MEMORY_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new ConfigurationError("maxEntries must be a positive integer");
    }
    const size = 2 ** Math.ceil(Math.log2(maxEntries * 2));
    this.#table = new Int32Array(size);
    this.#mask = size - 1;
    this.#keys = new Array(maxEntries).fill(undefined);
    this.#hashes = new Int32Array(maxEntries);
    this.#values = new Array(maxEntries).fill(undefined);
  }

  get(key: string): Value | undefined {
    const position = this.#find(key, hashOf(key));
    return position === NOT_FOUND ? undefined : this.#values[this.#slotAt(position)];
  }

  /** Updates a key in place, or adds it as the newest, forgetting the oldest when the ring is full. */
  set(key: string, value: Value): void {
    const hash = hashOf(key);
    const position = this.#find(key, hash);
    if (position === NOT_FOUND) this.#add(key, hash, value);
    else this.#values[this.#slotAt(position)] = value;
  }

  /** The value of `key`; when it has none, `value` is set and returned. */
  setIfAbsent(key: string, value: Value): Value {
    const hash = hashOf(key);
    const position = this.#find(key, hash);
    if (position !== NOT_FOUND) return this.#values[this.#slotAt(position)] as Value;
    this.#add(key, hash, value);
    return value;
  }

  delete(key: string): void {
    const position = this.#find(key, hashOf(key));
    if (position === NOT_FOUND) return;
    this.#free(this.#slotAt(position));
    this.#removeAt(position);
  }

  #slotAt(position: number): number {
    return (this.#table[position] as number) - 1;
  }

  /** The table position of `key`, or NOT_FOUND. */
  #find(key: string, hash: number): number {
    const table = this.#table;
    for (let position = hash & this.#mask; ; position = (position + 1) & this.#mask) {
      const entry = table[position] as number;
      if (entry === 0) return NOT_FOUND;
      if (this.#hashes[entry - 1] === hash && this.#keys[entry - 1] === key) return position;
    }
  }

  #add(key: string, hash: number, value: Value): void {
    const slot = this.#next;
    const oldest = this.#keys[slot];
    if (oldest !== undefined) this.#removeAt(this.#find(oldest, this.#hashes[slot] as number));
    this.#keys[slot] = key;
    this.#hashes[slot] = hash;
    this.#values[slot] = value;
    this.#next = slot + 1 === this.#keys.length ? 0 : slot + 1;
    let position = hash & this.#mask;
    while (this.#table[position] !== 0) position = (position + 1) & this.#mask;
    this.#table[position] = slot + 1;
  }

  #free(slot: number): void {
    this.#keys[slot] = undefined;
    this.#values[slot] = undefined;
  }

  /** Empties `position`, moving back each following entry that would otherwise no longer be found. */
  #removeAt(position: number): void {
    const table = this.#table;
    const mask = this.#mask;
    let empty = position;
    table[empty] = 0;
    for (let next = (empty + 1) & mask; table[next] !== 0; next = (next + 1) & mask) {
      const home = (this.#hashes[(table[next] as number) - 1] as number) & mask;
      // The entry at `next` stays when its home lies cyclically after the gap, up to `next`.
      const stays = empty <= next ? empty < home && home <= next : empty < home || home <= next;
      if (stays) continue;
      table[empty] = table[next] as number;
      table[next] = 0;
      empty = next;
    }
  }
}
