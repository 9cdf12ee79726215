export type {
  IoRedisClient,
  NodeRedisClient,
  NodeRedisCluster,
  RedisClient,
  RedisCommand,
} from "./client";
export { createRedisDecisionStore, DEFAULT_DECISION_PREFIX } from "./decisions";
export { createRedisDeduplicationStore, DEFAULT_DEDUPLICATION_PREFIX } from "./deduplication";
export { DEFAULT_RETENTION_MS, type RedisStoreOptions } from "./options";
