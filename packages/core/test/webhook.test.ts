import { describe, expect, it } from "vitest";
import { ConfigurationError, createMemoryDeduplicationStore } from "../src/index";
import { createCredentialCheck } from "../src/webhook/credentials";
import { DeadlineQueue } from "../src/webhook/deadline";

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

describe("webhook credentials", () => {
  const check = createCredentialCheck([
    { username: "enfuce", password: "old-secret" },
    { username: "enfuce", password: "new-secret" },
    { token: "bearer-token" },
  ]);

  it("accepts any configured credential, so a password can be rotated without downtime", () => {
    expect(check.accepts(basic("enfuce", "old-secret"))).toBe(true);
    expect(check.accepts(basic("enfuce", "new-secret"))).toBe(true);
    expect(check.accepts("Bearer bearer-token")).toBe(true);
  });

  it("refuses everything else, prefixes and extensions of a right value included", () => {
    for (const header of [
      undefined,
      "",
      basic("enfuce", "old-secre"),
      basic("enfuce", "old-secrets"),
      basic("Enfuce", "old-secret"),
      "Bearer bearer-toke",
      "Basic",
      "bearer-token",
    ]) {
      expect(check.accepts(header)).toBe(false);
    }
  });

  it("takes the scheme in any case and tolerates extra spaces after it", () => {
    expect(check.accepts(basic("enfuce", "new-secret").replace("Basic ", "BASIC   "))).toBe(true);
  });

  it("refuses to start without usable credentials", () => {
    expect(() => createCredentialCheck([])).toThrow(ConfigurationError);
    expect(() => createCredentialCheck({ username: "enfuce", password: "" })).toThrow(ConfigurationError);
  });
});

describe("in-memory deduplication store", () => {
  it("takes an id once until it is released", () => {
    const store = createMemoryDeduplicationStore();
    expect(store.claim("n-1")).toBe(true);
    expect(store.claim("n-1")).toBe(false);
    store.release("n-1");
    expect(store.claim("n-1")).toBe(true);
  });

  it("stays within its bound by forgetting the oldest ids first", () => {
    const store = createMemoryDeduplicationStore({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) store.claim(id);
    expect(store.claim("b")).toBe(false);
    expect(store.claim("c")).toBe(false);
    expect(store.claim("a")).toBe(true);
  });

  it("refuses a bound that is not a positive integer", () => {
    expect(() => createMemoryDeduplicationStore({ maxEntries: 0 })).toThrow(ConfigurationError);
  });
});

describe("deadline queue", () => {
  it("expires pending calls in deadline order, whatever order they came in, and skips settled ones", async () => {
    const queue = new DeadlineQueue();
    const expired: string[] = [];
    const now = performance.now();
    queue.add(now + 40, () => expired.push("late"));
    queue.add(now + 20, () => expired.push("early"));
    const settled = queue.add(now + 30, () => expired.push("settled"));
    expect(queue.settle(settled)).toBe(true);
    await expect.poll(() => expired).toEqual(["early", "late"]);
    expect(performance.now() - now).toBeGreaterThanOrEqual(39);
  });

  it("tells a call that settles after its deadline that it is late", async () => {
    const queue = new DeadlineQueue();
    let expired = false;
    const entry = queue.add(performance.now() + 5, () => {
      expired = true;
    });
    await expect.poll(() => expired).toBe(true);
    expect(queue.settle(entry)).toBe(false);
  });
});
