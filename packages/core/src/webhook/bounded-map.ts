// The in-memory stores keep a bounded number of entries and forget the oldest first. Every call of
// a receiver looks its id up and most add one, so this is a hash table of its own rather than a
// Map: a Map that forgets one key per new key leaves holes, rebuilds its table every few thousand
// keys (a new table in the old generation each time) and cost a decision receiver more than a
// microsecond a call. Here the table and the hashes are typed arrays, made once and never
// reallocated. Keys are kept as character codes in a typed array too: a key kept as a string
// outlives a young-generation collection or two, and each collection then copies it (with the
// in-memory decision store, a scavenge took 0.60-0.70 ms instead of 0.50, every request in flight
// waiting). A lookup reads one cache line of the table in most cases.
// Open addressing with linear probing, at most half full, so a missing id is found missing after
// one or two probes; removal shifts the following entries back instead of leaving tombstones.
import { ConfigurationError } from "../errors";
import { codeAt } from "./char-codes";

export const DEFAULT_MEMORY_ENTRIES = 10_000;

/** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser to spread sequential ids. */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash = Math.imul(hash ^ codeAt(key, index), 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

const NOT_FOUND = -1;

/** Keys up to this long (a UUID has 36 characters) are kept as codes: 128 bytes a slot. */
const INLINE_KEY_LENGTH = 64;
/** In #keyLengths: a free slot, and a longer key kept as a string in #longKeys. */
const FREE = -1;
const ON_HEAP = -2;

/** A string-keyed map that holds at most `maxEntries` keys; setting a new key past the bound forgets the oldest. */
export class BoundedMap<Value> {
  /**
   * Two numbers per table position, side by side so that one probe reads one cache line: the hash
   * of the key there, and its slot plus one (0: an empty position).
   */
  readonly #table: Int32Array;
  readonly #mask: number;
  /**
   * Per slot, in the order entries were added (a ring): the key's length (or FREE, or ON_HEAP), its
   * codes at slot * INLINE_KEY_LENGTH or the key itself, the value and the table position.
   */
  readonly #keyLengths: Int32Array;
  readonly #keyCodes: Uint16Array;
  readonly #longKeys: (string | undefined)[];
  readonly #values: (Value | undefined)[];
  readonly #positions: Int32Array;
  #next = 0;
  /** The last key hashed, and its hash: a decision receiver looks an id up, then adds the same string. */
  #hashedKey: string | undefined;
  #hash = 0;

  constructor(maxEntries: number = DEFAULT_MEMORY_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new ConfigurationError("maxEntries must be a positive integer");
    }
    const size = 2 ** Math.ceil(Math.log2(maxEntries * 2));
    this.#table = new Int32Array(size * 2);
    this.#mask = size - 1;
    this.#keyLengths = new Int32Array(maxEntries).fill(FREE);
    this.#keyCodes = new Uint16Array(maxEntries * INLINE_KEY_LENGTH);
    this.#longKeys = new Array(maxEntries).fill(undefined);
    this.#values = new Array(maxEntries).fill(undefined);
    this.#positions = new Int32Array(maxEntries);
  }

  get(key: string): Value | undefined {
    const position = this.#find(key, this.#hashOf(key));
    return position === NOT_FOUND ? undefined : this.#values[this.#slotAt(position)];
  }

  /** Updates a key in place, or adds it as the newest, forgetting the oldest when the ring is full. */
  set(key: string, value: Value): void {
    const hash = this.#hashOf(key);
    const position = this.#find(key, hash);
    if (position === NOT_FOUND) this.#add(key, hash, value);
    else this.#values[this.#slotAt(position)] = value;
  }

  /** The value of `key`; when it has none, `value` is set and returned. */
  setIfAbsent(key: string, value: Value): Value {
    const hash = this.#hashOf(key);
    const position = this.#find(key, hash);
    if (position !== NOT_FOUND) return this.#values[this.#slotAt(position)] as Value;
    this.#add(key, hash, value);
    return value;
  }

  delete(key: string): void {
    const position = this.#find(key, this.#hashOf(key));
    if (position === NOT_FOUND) return;
    const slot = this.#slotAt(position);
    this.#keyLengths[slot] = FREE;
    this.#longKeys[slot] = undefined;
    this.#values[slot] = undefined;
    this.#removeAt(position);
  }

  #hashOf(key: string): number {
    if (key !== this.#hashedKey) {
      this.#hash = hashOf(key);
      this.#hashedKey = key;
    }
    return this.#hash;
  }

  #slotAt(position: number): number {
    return (this.#table[position * 2 + 1] as number) - 1;
  }

  /** The table position of `key`, or NOT_FOUND. */
  #find(key: string, hash: number): number {
    const table = this.#table;
    for (let position = hash & this.#mask; ; position = (position + 1) & this.#mask) {
      const entry = table[position * 2 + 1] as number;
      if (entry === 0) return NOT_FOUND;
      if (table[position * 2] === hash && this.#holds(entry - 1, key)) return position;
    }
  }

  #holds(slot: number, key: string): boolean {
    const length = this.#keyLengths[slot] as number;
    if (length === ON_HEAP) return this.#longKeys[slot] === key;
    if (length !== key.length) return false;
    const codes = this.#keyCodes;
    const start = slot * INLINE_KEY_LENGTH;
    for (let index = 0; index < length; index++) {
      if (codes[start + index] !== codeAt(key, index)) return false;
    }
    return true;
  }

  #keep(slot: number, key: string): void {
    if (key.length > INLINE_KEY_LENGTH) {
      this.#keyLengths[slot] = ON_HEAP;
      this.#longKeys[slot] = key;
      return;
    }
    const codes = this.#keyCodes;
    const start = slot * INLINE_KEY_LENGTH;
    for (let index = 0; index < key.length; index++) codes[start + index] = codeAt(key, index);
    this.#keyLengths[slot] = key.length;
    this.#longKeys[slot] = undefined;
  }

  #add(key: string, hash: number, value: Value): void {
    const slot = this.#next;
    if (this.#keyLengths[slot] !== FREE) this.#removeAt(this.#positions[slot] as number);
    this.#keep(slot, key);
    this.#values[slot] = value;
    this.#next = slot + 1 === this.#keyLengths.length ? 0 : slot + 1;
    const table = this.#table;
    let position = hash & this.#mask;
    while (table[position * 2 + 1] !== 0) position = (position + 1) & this.#mask;
    table[position * 2] = hash;
    table[position * 2 + 1] = slot + 1;
    this.#positions[slot] = position;
  }

  /** Empties `position`, moving back each following entry that would otherwise no longer be found. */
  #removeAt(position: number): void {
    const table = this.#table;
    const mask = this.#mask;
    let empty = position;
    table[empty * 2 + 1] = 0;
    for (let next = (empty + 1) & mask; table[next * 2 + 1] !== 0; next = (next + 1) & mask) {
      const home = (table[next * 2] as number) & mask;
      // The entry at `next` stays when its home lies cyclically after the gap, up to `next`.
      const stays = empty <= next ? empty < home && home <= next : empty < home || home <= next;
      if (stays) continue;
      const entry = table[next * 2 + 1] as number;
      table[empty * 2] = table[next * 2] as number;
      table[empty * 2 + 1] = entry;
      this.#positions[entry - 1] = empty;
      table[next * 2 + 1] = 0;
      empty = next;
    }
  }
}
