// The clients the stores are tested with: node-redis, ioredis, and a bare command function. Each
// test file closes what it opened.
import { Redis } from "ioredis";
import { createClient } from "redis";
import type { NodeRedisClient, RedisClient } from "../../src";

export interface TestClient {
  readonly name: string;
  readonly client: RedisClient;
  /** A raw command, to look at what the stores wrote. */
  readonly send: (...args: string[]) => Promise<unknown>;
  close(): Promise<void>;
}

export async function nodeRedisClient(url: string): Promise<TestClient> {
  const client = createClient({ url, disableOfflineQueue: true });
  await client.connect();
  return {
    name: "node-redis",
    client,
    send: (...args) => client.sendCommand(args),
    close: async () => void (await client.close()),
  };
}

export async function ioredisClient(url: string): Promise<TestClient> {
  const client = new Redis(url, { enableOfflineQueue: false, lazyConnect: true });
  await client.connect();
  return {
    name: "ioredis",
    client,
    send: (command, ...args) => client.call(command as string, ...args),
    close: async () => void client.disconnect(),
  };
}

/** Your own function: here one over node-redis, as one would write for a client these stores do not know. */
export async function commandFunction(url: string): Promise<TestClient> {
  const inner = await nodeRedisClient(url);
  const client = inner.client as NodeRedisClient;
  return { ...inner, name: "a command function", client: (args) => client.sendCommand(args) };
}
