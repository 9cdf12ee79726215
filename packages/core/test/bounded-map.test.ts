// The hash table behind the in-memory stores, against the plain model of what it must do: a Map of
// at most `maxEntries` keys that forgets the oldest added first.
import { describe, expect, it } from "vitest";
import { BoundedMap, hashOf } from "../src/webhook/bounded-map";

/** The same operations on a Map, oldest first by the order keys were added. */
class ModelMap<Value> {
  readonly #entries = new Map<string, Value>();
  readonly #order: string[] = [];
  readonly #max: number;
  constructor(max: number) {
    this.#max = max;
  }
  get = (key: string) => this.#entries.get(key);
  set(key: string, value: Value) {
    if (!this.#entries.has(key)) this.#add(key);
    this.#entries.set(key, value);
  }
  setIfAbsent(key: string, value: Value) {
    if (this.#entries.has(key)) return this.#entries.get(key) as Value;
    this.set(key, value);
    return value;
  }
  delete(key: string) {
    this.#entries.delete(key);
    const at = this.#order.indexOf(key);
    // A deleted key keeps its place in the ring until the ring comes round to it.
    if (at !== -1) this.#order[at] = "";
  }
  #add(key: string) {
    if (this.#order.length === this.#max) {
      const oldest = this.#order.shift() as string;
      if (oldest !== "") this.#entries.delete(oldest);
    }
    this.#order.push(key);
  }
  keys = () => [...this.#entries.keys()];
}

/** A deterministic sequence of numbers in [0, 1), so that a failure can be replayed. */
function randomFrom(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("bounded map", () => {
  it("keeps what it is given, updates in place, and forgets a deleted key", () => {
    const map = new BoundedMap<number>(3);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 10);
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual([10, 2, undefined]);
    map.delete("a");
    map.delete("never-set");
    expect([map.get("a"), map.get("b")]).toEqual([undefined, 2]);
  });

  it("answers the value already there from setIfAbsent, and sets it otherwise", () => {
    const map = new BoundedMap<string>(2);
    expect(map.setIfAbsent("id", "first")).toBe("first");
    expect(map.setIfAbsent("id", "second")).toBe("first");
    expect(map.get("id")).toBe("first");
  });

  it("forgets the oldest key first once full, an updated key keeping its age", () => {
    const map = new BoundedMap<number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 3);
    map.set("c", 4);
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual([undefined, 2, 4]);
  });

  const short = (index: number) => `id-${index}`;
  // Keys up to 64 characters are kept as codes, longer ones as strings: both, and either side of the line.
  const mixed = (index: number) => (index % 2 === 0 ? short(index) : `${"x".repeat(60)}-${index}`);
  const padded = (index: number) => `${index}`.padStart(64 + (index % 2), "0");

  it.each([
    ["keys whose hashes collide in a small table", 4, 8, short],
    ["a ring of one", 1, 4, short],
    ["a ring of 64 with many more keys", 64, 50, short],
    ["the default size", 10_000, 40, short],
    ["short and long keys in a small table", 4, 12, mixed],
    ["keys of 64 and 65 characters", 16, 40, padded],
  ])("does what the model does with %s", (_, max, keySpace, keyOf) => {
    const random = randomFrom(max * 7919 + keySpace);
    const map = new BoundedMap<number>(max);
    const model = new ModelMap<number>(max);
    const keys = Array.from({ length: keySpace }, (_, index) => keyOf(index));
    for (let step = 0; step < 20_000; step++) {
      const key = keys[Math.floor(random() * keys.length)] as string;
      const choice = random();
      if (choice < 0.4) {
        map.set(key, step);
        model.set(key, step);
      } else if (choice < 0.7) {
        expect(map.setIfAbsent(key, step)).toBe(model.setIfAbsent(key, step));
      } else if (choice < 0.85) {
        map.delete(key);
        model.delete(key);
      } else {
        expect(map.get(key)).toBe(model.get(key));
      }
    }
    for (const key of keys) expect(map.get(key)).toBe(model.get(key));
  });

  it.each([
    ["short", "id-149599", "id-312382"],
    ["short, of different lengths,", "id-34372-x", "id-121651"],
    ["long", `${"x".repeat(60)}-232789`, `${"x".repeat(60)}-429192`],
  ])("tells apart %s keys whose hashes are equal", (_, first, second) => {
    expect(hashOf(first)).toBe(hashOf(second));
    const map = new BoundedMap<string>(4);
    map.set(first, "first");
    expect(map.get(second)).toBeUndefined();
    map.set(second, "second");
    expect([map.get(first), map.get(second)]).toEqual(["first", "second"]);
    map.delete(first);
    expect([map.get(first), map.get(second)]).toEqual([undefined, "second"]);
  });

  it("spreads sequential ids over the table", () => {
    const buckets = new Set(Array.from({ length: 1000 }, (_, index) => hashOf(`bench-${index}`) & 1023));
    expect(buckets.size).toBeGreaterThan(550);
  });

  it("refuses a bound that is not a positive integer", () => {
    for (const bound of [0, -1, 1.5, Number.NaN]) expect(() => new BoundedMap(bound)).toThrow(/maxEntries/);
  });
});
