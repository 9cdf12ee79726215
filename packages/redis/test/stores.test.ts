// Both stores against a real redis-server, through each kind of client they accept.
import { randomUUID } from "node:crypto";
import { ConfigurationError } from "@enfuce-sdk/core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createRedisDecisionStore, createRedisDeduplicationStore } from "../src";
import { commandFunction, ioredisClient, nodeRedisClient, type TestClient } from "./support/clients";

const url = inject("redisUrl");
const lease = (owner: string, leaseMs = 60_000) => ({ owner, leaseMs });

describe.skipIf(url === null).each([
  ["node-redis", nodeRedisClient],
  ["ioredis", ioredisClient],
  ["a command function", commandFunction],
])("Redis stores through %s", (_, connect) => {
  let redis: TestClient;
  // Every test writes under its own prefix, so tests never see each other's keys.
  const prefix = () => `test:${randomUUID()}:`;

  beforeAll(async () => {
    redis = await connect(url as string);
  });
  afterAll(() => redis.close());

  it("claims an id once, answers in-progress while it is held, then handled once completed", async () => {
    const store = createRedisDeduplicationStore(redis.client, { keyPrefix: prefix() });
    expect(await store.claim("n-1", lease("a"))).toBe("claimed");
    expect(await store.claim("n-1", lease("b"))).toBe("in-progress");
    await store.complete?.("n-1", "a");
    expect(await store.claim("n-1", lease("b"))).toBe("handled");
  });

  it("releases only the claim of the owner that holds it", async () => {
    const store = createRedisDeduplicationStore(redis.client, { keyPrefix: prefix() });
    await store.claim("n-1", lease("a"));
    await store.release("n-1", "b");
    expect(await store.claim("n-1", lease("b"))).toBe("in-progress");
    await store.release("n-1", "a");
    expect(await store.claim("n-1", lease("b"))).toBe("claimed");
  });

  it("lets the id be claimed again once a crashed holder's lease ran out", async () => {
    const store = createRedisDeduplicationStore(redis.client, { keyPrefix: prefix() });
    await store.claim("n-1", lease("crashed", 30));
    await expect.poll(() => store.claim("n-1", lease("next")), { interval: 10 }).toBe("claimed");
    await store.release("n-1", "crashed");
    expect(await store.claim("n-1", lease("third"))).toBe("in-progress");
  });

  it("writes under the key prefix, with the lease and then the retention as expiry", async () => {
    const keyPrefix = prefix();
    const store = createRedisDeduplicationStore(redis.client, { keyPrefix, retentionMs: 120_000 });
    await store.claim("n-1", lease("a", 5000));
    expect(await redis.send("GET", `${keyPrefix}n-1`)).toBe("claimed-by:a");
    expect(Number(await redis.send("PTTL", `${keyPrefix}n-1`))).toBeGreaterThan(4000);
    await store.complete?.("n-1", "a");
    expect(await redis.send("GET", `${keyPrefix}n-1`)).toBe("handled");
    const ttl = Number(await redis.send("PTTL", `${keyPrefix}n-1`));
    expect(ttl).toBeGreaterThan(100_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it("forgets a handled id after the retention", async () => {
    const store = createRedisDeduplicationStore(redis.client, { keyPrefix: prefix(), retentionMs: 30 });
    await store.claim("n-1", lease("a"));
    await store.complete?.("n-1", "a");
    await expect.poll(() => store.claim("n-1", lease("b")), { interval: 10 }).toBe("claimed");
  });

  it("claims an id exactly once among many concurrent claims", async () => {
    const store = createRedisDeduplicationStore(redis.client, { keyPrefix: prefix() });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => store.claim("n-1", lease(`o-${index}`))),
    );
    expect(results.filter((result) => result === "claimed")).toHaveLength(1);
    expect(results.filter((result) => result === "in-progress")).toHaveLength(49);
  });

  it("still works after the server forgot its scripts (a restart or failover)", async () => {
    const store = createRedisDeduplicationStore(redis.client, { keyPrefix: prefix() });
    const decisions = createRedisDecisionStore(redis.client, { keyPrefix: prefix() });
    await redis.send("SCRIPT", "FLUSH");
    expect(await store.claim("n-1", lease("a"))).toBe("claimed");
    expect(await decisions.retain("a-1", "{}")).toBe("{}");
  });

  it("retains the first decision for an id and recalls it", async () => {
    const keyPrefix = prefix();
    const store = createRedisDecisionStore(redis.client, { keyPrefix, retentionMs: 60_000 });
    expect(await store.recall("a-1")).toBeNull();
    expect(await store.retain("a-1", '{"code":"00"}')).toBe('{"code":"00"}');
    expect(await store.retain("a-1", '{"code":"05"}')).toBe('{"code":"00"}');
    expect(await store.recall("a-1")).toBe('{"code":"00"}');
    expect(Number(await redis.send("PTTL", `${keyPrefix}a-1`))).toBeGreaterThan(50_000);
  });

  it("answers every concurrent retain with the one decision that was stored", async () => {
    const store = createRedisDecisionStore(redis.client, { keyPrefix: prefix() });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => store.retain("a-1", `{"n":${index}}`)));
    expect(new Set(answers).size).toBe(1);
    expect(await store.recall("a-1")).toBe(answers[0]);
  });
});

describe("Redis store options", () => {
  const send = async () => null;

  it.each([[{ retentionMs: 0 }], [{ retentionMs: 1.5 }], [{ keyPrefix: 7 }]])("refuse %j", (options) => {
    expect(() => createRedisDeduplicationStore(send, options as never)).toThrow(ConfigurationError);
    expect(() => createRedisDecisionStore(send, options as never)).toThrow(ConfigurationError);
  });

  it("refuse something that is not a Redis client", () => {
    expect(() => createRedisDeduplicationStore({} as never)).toThrow(/ioredis or node-redis/);
  });

  it("send each command with its key, for clusters that route by it", async () => {
    const sent: [string[], string][] = [];
    const store = createRedisDeduplicationStore(
      async (args, key) => {
        sent.push([args, key]);
        return args[0] === "EVALSHA" ? "claimed" : "OK";
      },
      { keyPrefix: "p:" },
    );
    await store.claim("n-1", lease("a"));
    await store.complete?.("n-1", "a");
    expect(sent.map(([args, key]) => [args[0], key])).toEqual([
      ["EVALSHA", "p:n-1"],
      ["SET", "p:n-1"],
    ]);
  });

  it("fail a claim loudly when the server answers something unexpected", async () => {
    const store = createRedisDeduplicationStore(async () => "maybe");
    await expect(store.claim("n-1", lease("a"))).rejects.toThrow(/answered maybe/);
  });
});
