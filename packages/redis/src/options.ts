// The options both stores take: where their keys live and how long they keep what they record.
import { ConfigurationError } from "@enfuce-sdk/core";

export interface RedisStoreOptions {
  /** Put in front of every key, so that several receivers or applications can share one Redis. */
  readonly keyPrefix?: string;
  /**
   * Milliseconds a handled id or a decision is kept. Default `DEFAULT_RETENTION_MS` (24 hours, as
   * long as Enfuce keeps an idempotency key); Enfuce's own redelivery window is not documented.
   */
  readonly retentionMs?: number;
}

export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface CheckedOptions {
  readonly keyPrefix: string;
  /** As the decimal text Redis' PX takes. */
  readonly retention: string;
}

export function checkedOptions(options: RedisStoreOptions, defaultPrefix: string): CheckedOptions {
  if (typeof options !== "object" || options === null) throw new ConfigurationError("options must be an object");
  const { keyPrefix = defaultPrefix, retentionMs = DEFAULT_RETENTION_MS } = options;
  if (typeof keyPrefix !== "string") throw new ConfigurationError("keyPrefix must be a string");
  if (!Number.isSafeInteger(retentionMs) || retentionMs < 1) {
    throw new ConfigurationError("retentionMs must be a positive whole number of milliseconds");
  }
  return { keyPrefix, retention: String(retentionMs) };
}
