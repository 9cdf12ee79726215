// The in-memory stores and the store options, on their own.
import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  createMemoryDecisionStore,
  createMemoryDeduplicationStore,
  DEFAULT_LEASE_MS,
  decisionsOptionOf,
  deduplicationOptionOf,
} from "../src/index";
import { leaseOf, storeTimeoutOf, whenStoreFailsOf } from "../src/webhook/store-options";

const lease = (owner: string, leaseMs = 60_000) => ({ owner, leaseMs });

describe("in-memory deduplication store", () => {
  it("claims an id once, reports it in progress until completed, then handled", () => {
    const store = createMemoryDeduplicationStore();
    expect(store.claim("n-1", lease("a"))).toBe("claimed");
    expect(store.claim("n-1", lease("b"))).toBe("in-progress");
    store.complete?.("n-1", "a");
    expect(store.claim("n-1", lease("b"))).toBe("handled");
  });

  it("frees an id its owner releases, and only then", () => {
    const store = createMemoryDeduplicationStore();
    store.claim("n-1", lease("a"));
    store.release("n-1", "someone-else");
    expect(store.claim("n-1", lease("b"))).toBe("in-progress");
    store.release("n-1", "a");
    expect(store.claim("n-1", lease("b"))).toBe("claimed");
  });

  it("lets a redelivery claim the id once the lease ran out, and keeps the new owner's claim from an old release", async () => {
    const store = createMemoryDeduplicationStore();
    store.claim("n-1", lease("crashed", 5));
    await expect.poll(() => store.claim("n-1", lease("next"))).toBe("claimed");
    store.release("n-1", "crashed");
    expect(store.claim("n-1", lease("third"))).toBe("in-progress");
  });

  it("stays within its bound by forgetting the oldest ids first", () => {
    const store = createMemoryDeduplicationStore({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) {
      store.claim(id, lease(id));
      store.complete?.(id, id);
    }
    expect(store.claim("b", lease("x"))).toBe("handled");
    expect(store.claim("c", lease("x"))).toBe("handled");
    expect(store.claim("a", lease("x"))).toBe("claimed");
  });

  it("refuses a bound that is not a positive integer", () => {
    expect(() => createMemoryDeduplicationStore({ maxEntries: 0 })).toThrow(ConfigurationError);
  });
});

describe("in-memory decision store", () => {
  it("recalls nothing for a new id, and the first decision retained for an id ever after", () => {
    const store = createMemoryDecisionStore();
    expect(store.recall("a-1")).toBeUndefined();
    expect(store.retain("a-1", '{"code":"00"}')).toBe('{"code":"00"}');
    expect(store.retain("a-1", '{"code":"05"}')).toBe('{"code":"00"}');
    expect(store.recall("a-1")).toBe('{"code":"00"}');
  });

  it("stays within its bound", () => {
    const store = createMemoryDecisionStore({ maxEntries: 1 });
    store.retain("a", "1");
    store.retain("b", "2");
    expect([store.recall("a"), store.recall("b")]).toEqual([undefined, "2"]);
    expect(() => createMemoryDecisionStore({ maxEntries: 1.5 })).toThrow(ConfigurationError);
  });
});

describe("store options", () => {
  const memory = createMemoryDeduplicationStore();

  it.each([
    ["a store", memory, { store: memory }],
    ["options with a store", { store: memory, leaseMs: 5000 }, { store: memory, leaseMs: 5000 }],
    ["false", false, undefined],
  ] as const)("deduplicationOptionOf takes %s", (_, option, expected) => {
    expect(deduplicationOptionOf(option)).toEqual(expected);
  });

  it("gives the in-memory stores when the option is absent", () => {
    expect(deduplicationOptionOf(undefined)?.store.claim("n-1", { owner: "o", leaseMs: 10 })).toBe("claimed");
    expect(decisionsOptionOf(undefined)?.store.retain("a-1", "{}")).toBe("{}");
  });

  it.each([["text"], [{ store: {} }], [{ leaseMs: 5 }], [createMemoryDecisionStore()]])(
    "deduplicationOptionOf refuses %j",
    (option) => {
      expect(() => deduplicationOptionOf(option as never)).toThrow(ConfigurationError);
    },
  );

  it.each([
    [undefined, 800, 80],
    [undefined, 5, 1],
    [20, 800, 20],
  ])("storeTimeoutOf(%j) with an %i ms deadline is %i ms", (given, deadline, expected) => {
    expect(storeTimeoutOf("op", given, deadline)).toBe(expected);
  });

  it.each([[0], [800], [-1], ["10"]])("storeTimeoutOf refuses %j with an 800 ms deadline", (given) => {
    expect(() => storeTimeoutOf("op", given, 800)).toThrow(ConfigurationError);
  });

  it.each([
    [undefined, 800, DEFAULT_LEASE_MS],
    [undefined, 20_000, 40_000],
    [5000, 800, 5000],
  ])("leaseOf(%j) with an %i ms deadline is %i ms", (given, deadline, expected) => {
    expect(leaseOf("op", given, deadline)).toBe(expected);
  });

  it("leaseOf refuses a lease that could run out before the deadline", () => {
    expect(() => leaseOf("op", 800, 800)).toThrow(/above the 800 ms deadline/);
  });

  it("whenStoreFailsOf defaults to the choice that loses nothing and refuses unknown choices", () => {
    expect(whenStoreFailsOf("op", undefined)).toBe("answer-503");
    expect(whenStoreFailsOf("op", "process-anyway")).toBe("process-anyway");
    expect(() => whenStoreFailsOf("op", "ignore")).toThrow(ConfigurationError);
  });
});
