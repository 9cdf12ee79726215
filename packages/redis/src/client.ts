// The Redis client is the caller's: their connection, TLS, cluster or sentinel setup, reconnection
// and offline-queue policy. These stores only need to send one command and read its reply, so
// they take any client through that one operation and never import a Redis library themselves.
import { ConfigurationError } from "@enfuce-sdk/core";

/**
 * Sends one command (its words, such as `["GET", "k"]`) and resolves to the reply. `key` is the
 * key the command touches, for cluster clients that route by it.
 */
export type RedisCommand = (args: string[], key: string) => Promise<unknown>;

/** ioredis: a `Redis`, `Cluster` or sentinel-backed client. */
export interface IoRedisClient {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** node-redis (`redis`, `@redis/client`): a client made by `createClient()`, connected. */
export interface NodeRedisClient {
  sendCommand(args: string[]): Promise<unknown>;
}

/** node-redis: a cluster made by `createCluster()`, connected. */
export interface NodeRedisCluster {
  sendCommand(firstKey: string, isReadonly: boolean, args: string[]): Promise<unknown>;
  getSlotRandomNode(slot: number): unknown;
}

/** What the stores accept: an ioredis or node-redis client or cluster, or your own `RedisCommand`. */
export type RedisClient = IoRedisClient | NodeRedisClient | NodeRedisCluster | RedisCommand;

const hasMethod = (value: unknown, name: string) =>
  typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)[name] === "function";

/** One way to send a command, whichever client was given. */
export function redisCommandOf(client: RedisClient): RedisCommand {
  if (typeof client === "function") return client;
  // ioredis also has a sendCommand, taking its own Command objects: `call` comes first.
  if (hasMethod(client, "call")) {
    const ioredis = client as IoRedisClient;
    return ([command, ...args]) => ioredis.call(command as string, ...args);
  }
  if (hasMethod(client, "sendCommand") && hasMethod(client, "getSlotRandomNode")) {
    const cluster = client as NodeRedisCluster;
    return (args, key) => cluster.sendCommand(key, false, args);
  }
  if (hasMethod(client, "sendCommand")) {
    const nodeRedis = client as NodeRedisClient;
    return (args) => nodeRedis.sendCommand(args);
  }
  throw new ConfigurationError(
    "the Redis client must be an ioredis or node-redis client or cluster, or a function sending one command",
  );
}

/** A bulk reply as text: clients give strings, or Buffers when set up to return bytes. */
export function textOf(reply: unknown): string | null {
  if (typeof reply === "string") return reply;
  if (reply instanceof Uint8Array) return Buffer.from(reply).toString("utf8");
  if (reply === null || reply === undefined) return null;
  throw new TypeError(`Redis answered ${typeof reply} where text was expected`);
}
