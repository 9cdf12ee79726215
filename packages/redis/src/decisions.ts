// The receivers' DecisionStore on Redis: one key per authorisation id holds the decision answered
// (its JSON text), kept for the retention. recall is a GET; retain is a script that keeps the
// decision already there, if any, and answers it, so the first decision stored for an id is the one
// every instance answers. Each is one round trip.
import type { DecisionStore } from "@enfuce-sdk/core";
import { type RedisClient, redisCommandOf, textOf } from "./client";
import { checkedOptions, type RedisStoreOptions } from "./options";
import { runScript, script } from "./scripts";

export const DEFAULT_DECISION_PREFIX = "enfuce:decisions:";

const RETAIN = script(`
local retained = redis.call('GET', KEYS[1])
if retained then return retained end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]
`);

/**
 * A decision store on your Redis client, for `createAuthorisationControlHandler({ decisions })` on
 * several instances. Default key prefix `DEFAULT_DECISION_PREFIX`.
 */
export function createRedisDecisionStore(client: RedisClient, options: RedisStoreOptions = {}): DecisionStore {
  const send = redisCommandOf(client);
  const { keyPrefix, retention } = checkedOptions(options, DEFAULT_DECISION_PREFIX);
  return {
    async recall(id) {
      const key = keyPrefix + id;
      return textOf(await send(["GET", key], key));
    },
    async retain(id, decision) {
      const key = keyPrefix + id;
      const retained = textOf(await runScript(send, RETAIN, key, [decision, retention]));
      if (retained === null) throw new TypeError("the retain script answered nothing");
      return retained;
    },
  };
}
