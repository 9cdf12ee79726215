// The options every route checks once, when the handler is created: a receiver that starts can
// answer every call it accepts.
import { ConfigurationError } from "../errors";
import type { WebhookMeta } from "./types";

/**
 * Without an explicit deadline, a route answers within this share of the time limit the docs set
 * for its webhook (`WebhookMeta.timeoutMs`), leaving the rest for the network.
 */
export const DEFAULT_DEADLINE_SHARE = 0.8;

/** The milliseconds the user's code may take, counted from the arrival of the request. */
export function deadlineOf(meta: WebhookMeta, deadlineMs: number | undefined): number {
  if (deadlineMs === undefined) {
    if (meta.timeoutMs === null) {
      throw new ConfigurationError(
        `${meta.operationId}: deadlineMs is required, because the docs set no time limit for this webhook`,
      );
    }
    return Math.floor(meta.timeoutMs * DEFAULT_DEADLINE_SHARE);
  }
  if (typeof deadlineMs !== "number" || !Number.isFinite(deadlineMs) || deadlineMs <= 0) {
    throw new ConfigurationError(`${meta.operationId}: deadlineMs must be a positive number of milliseconds`);
  }
  if (meta.timeoutMs !== null && deadlineMs > meta.timeoutMs) {
    throw new ConfigurationError(
      `${meta.operationId}: deadlineMs must not exceed the ${meta.timeoutMs} ms within which Enfuce expects the answer`,
    );
  }
  return deadlineMs;
}

export function checkHandler(meta: WebhookMeta, handle: unknown): void {
  if (typeof handle !== "function")
    throw new ConfigurationError(`the handler of ${meta.operationId} must be a function`);
}
