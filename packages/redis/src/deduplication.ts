// The receivers' DeduplicationStore on Redis. One key per delivery id holds either the claim
// (`claimed-by:<owner>`, expiring with the lease) or `handled` (expiring after the retention):
// - claim: a script that sets the claim if the key is absent, else says what holds it;
// - complete: SET handled with the retention, whoever held the claim (your code succeeded);
// - release: a script that deletes the key only while this call's claim is in it.
// Each is one round trip. A crashed instance's claim simply expires, and the next redelivery is
// processed: at least once, never lost.
import type { ClaimResult, DeduplicationStore } from "@enfuce-sdk/core";
import { type RedisClient, redisCommandOf, textOf } from "./client";
import { checkedOptions, type RedisStoreOptions } from "./options";
import { runScript, script } from "./scripts";

export const DEFAULT_DEDUPLICATION_PREFIX = "enfuce:deduplication:";

const HANDLED = "handled";
const claimOf = (owner: string) => `claimed-by:${owner}`;

const CLAIM = script(`
local held = redis.call('GET', KEYS[1])
if not held then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 'claimed'
end
if held == '${HANDLED}' then return 'handled' end
return 'in-progress'
`);

const RELEASE = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

const CLAIM_RESULTS = new Set<string>(["claimed", "in-progress", "handled"]);

/**
 * A deduplication store on your Redis client, for `createNotificationHandler({ deduplication })`
 * and `createIdHandler({ deduplication })` on several instances. Default key prefix
 * `DEFAULT_DEDUPLICATION_PREFIX`; give each webhook its own prefix if they share a Redis.
 */
export function createRedisDeduplicationStore(
  client: RedisClient,
  options: RedisStoreOptions = {},
): DeduplicationStore {
  const send = redisCommandOf(client);
  const { keyPrefix, retention } = checkedOptions(options, DEFAULT_DEDUPLICATION_PREFIX);
  return {
    async claim(id, { leaseMs, owner }) {
      const key = keyPrefix + id;
      const found = textOf(await runScript(send, CLAIM, key, [claimOf(owner), String(Math.ceil(leaseMs))]));
      if (found === null || !CLAIM_RESULTS.has(found)) throw new TypeError(`the claim script answered ${found}`);
      return found as ClaimResult;
    },
    async complete(id) {
      const key = keyPrefix + id;
      await send(["SET", key, HANDLED, "PX", retention], key);
    },
    async release(id, owner) {
      const key = keyPrefix + id;
      await runScript(send, RELEASE, key, [claimOf(owner)]);
    },
  };
}
