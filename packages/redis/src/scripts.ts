// Each store operation is one round trip: a plain command, or a Lua script when it must read and
// write atomically (Redis runs a script without interleaving other commands). Scripts go by their
// SHA1 (EVALSHA); a server that does not know one yet (after a restart or failover) gets the whole
// script once (EVAL) and caches it.
import { createHash } from "node:crypto";
import type { RedisCommand } from "./client";

export interface Script {
  readonly source: string;
  readonly sha: string;
}

export function script(source: string): Script {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

const isNoScript = (error: unknown) => error instanceof Error && /^NOSCRIPT\b/.test(error.message);

/** Runs `script` on one key with `args`. */
export async function runScript(send: RedisCommand, script: Script, key: string, args: string[]): Promise<unknown> {
  try {
    return await send(["EVALSHA", script.sha, "1", key, ...args], key);
  } catch (error) {
    if (!isNoScript(error)) throw error;
    return send(["EVAL", script.source, "1", key, ...args], key);
  }
}
