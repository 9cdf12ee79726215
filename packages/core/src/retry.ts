// The retry policy as small pure functions: when a failed attempt may be repeated, and how long to
// wait first. The rule is Stripe's, not Stainless's: a request that may move money is repeated only
// when that is provably safe (an idempotent method, an idempotency key, or a request that never left).
import { ConnectionError, TimeoutError } from "./errors";
import { causesOf, refusalOf } from "./transport/refusal";

export interface RetryBackoff {
  /** First backoff delay; doubles per retry. Default 500 ms. */
  readonly initialDelayMs?: number;
  /** Upper bound of the exponential backoff. Default 8 s. */
  readonly maxDelayMs?: number;
  /** Upper bound on a server's Retry-After. Default 60 s. */
  readonly maxRetryAfterMs?: number;
}

export const DEFAULT_MAX_RETRIES = 2;
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
/** Error codes that prove nothing was sent: no connection was ever made. */
const NEVER_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export const isRetryableStatus = (status: number) => RETRYABLE_STATUS.has(status);

/** Whether attempt number `attempt` (1-based) may still be followed by another. */
export const hasRetriesLeft = (attempt: number, maxRetries: number) => attempt <= maxRetries;

/** Whether an answer with this status is worth another attempt of a call that is safe to repeat. */
export const shouldRetryStatus = (status: number, safeToRepeat: boolean) => safeToRepeat && isRetryableStatus(status);

/**
 * Whether a failed attempt is worth another: a timeout only when the call is safe to repeat (the
 * request may have arrived); a broken connection also when it provably never sent anything, unless
 * the caller said `retry: false`. Anything that is not a connection failure never is.
 */
export function shouldRetryFailure(failure: unknown, safeToRepeat: boolean, optIn: boolean | undefined): boolean {
  if (failure instanceof TimeoutError) return safeToRepeat;
  if (failure instanceof ConnectionError) return optIn !== false && (safeToRepeat || provablyNotSent(failure.cause));
  return false;
}

/**
 * Whether a repeated request cannot cause a second effect.
 * `optIn` is the caller's explicit choice for this call, which wins either way.
 */
export function isSafeToRepeat(method: string, hasIdempotencyKey: boolean, optIn: boolean | undefined): boolean {
  if (optIn !== undefined) return optIn;
  return IDEMPOTENT_METHODS.has(method) || hasIdempotencyKey;
}

/** Whether a transport error proves the request never reached the server. */
export function provablyNotSent(error: unknown): boolean {
  for (const { code } of causesOf(error)) {
    if (typeof code === "string" && NEVER_SENT_CODES.has(code)) return true;
  }
  // Refused by the TLS handshake or the proxy: the request had nowhere to go yet.
  return refusalOf(error) !== undefined;
}

/** Retry-After as milliseconds from `now`, for both forms (delta seconds, HTTP date); undefined if absent or bad. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Delay before retry number `retry` (1-based): the server's Retry-After if given, capped, else jittered backoff. */
export function retryDelayMs(
  retry: number,
  retryAfter: string | null,
  backoff: RetryBackoff = {},
  random: () => number = Math.random,
): number {
  const { initialDelayMs = 500, maxDelayMs = 8000, maxRetryAfterMs = 60_000 } = backoff;
  const serverDelay = parseRetryAfter(retryAfter);
  if (serverDelay !== undefined) return Math.min(serverDelay, maxRetryAfterMs);
  const exponential = Math.min(initialDelayMs * 2 ** (retry - 1), maxDelayMs);
  // Jitter in (0.75, 1] spreads clients that failed together without shortening the wait much.
  return exponential * (1 - random() * 0.25);
}
