// The stores take the clients users already have, as they are typed by their own libraries.
import type { Cluster, Redis } from "ioredis";
import type { createClient, createCluster } from "redis";
import { describe, expectTypeOf, it } from "vitest";
import { createRedisDecisionStore, createRedisDeduplicationStore, type RedisClient } from "../src";

describe("Redis clients", () => {
  it("accepts ioredis clients and clusters", () => {
    expectTypeOf<Redis>().toExtend<RedisClient>();
    expectTypeOf<Cluster>().toExtend<RedisClient>();
  });

  it("accepts node-redis clients and clusters", () => {
    expectTypeOf<ReturnType<typeof createClient>>().toExtend<RedisClient>();
    expectTypeOf<ReturnType<typeof createCluster>>().toExtend<RedisClient>();
  });

  it("refuses what cannot send a command", () => {
    expectTypeOf<{ get(key: string): Promise<string> }>().not.toExtend<RedisClient>();
    expectTypeOf(createRedisDeduplicationStore).parameter(0).toEqualTypeOf<RedisClient>();
    expectTypeOf(createRedisDecisionStore).parameter(0).toEqualTypeOf<RedisClient>();
  });
});
