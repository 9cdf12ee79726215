// Starts one redis-server for the tests of this package, or says in one line why they are skipped.
// In CI (CI=true) a missing redis-server fails the run instead: those tests are mandatory there.

import { REDIS_INSTALL_HINT, type RunningRedis, redisServerInstalled, startRedisServer } from "@enfuce-sdk/workspace";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared server's URL, or null when redis-server is not installed (outside CI). */
    redisUrl: string | null;
  }
}

let redis: RunningRedis | undefined;

export async function setup(project: TestProject) {
  if (!redisServerInstalled()) {
    if (process.env.CI === "true") throw new Error(`redis-server is required in CI; install it: ${REDIS_INSTALL_HINT}`);
    console.warn(`@enfuce-sdk/redis: redis-server not found, Redis tests skipped; install it: ${REDIS_INSTALL_HINT}`);
    project.provide("redisUrl", null);
    return;
  }
  redis = await startRedisServer();
  project.provide("redisUrl", redis.url);
}

export async function teardown() {
  await redis?.stop();
}
