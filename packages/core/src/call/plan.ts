// The steps of a call before anything is sent: the call's own options over the client's, the
// idempotency key, the audit user, and whether the call may be repeated. The plan is the one object
// a call keeps for all its attempts.
import type { CallSite } from "../errors";
import { checkRetries, checkTimeout, type ResolvedConfig } from "../options";
import { isSafeToRepeat } from "../retry";
import type { OperationMeta } from "../spec";
import type { CallOptions } from "../types";
import { queryWithAuditUser } from "./audit-user";
import { applyIdempotencyKey, applyUnknownOperationKey } from "./idempotency";

/** What a caller may pass to a method: openapi-fetch's init plus our CallOptions. */
export type CallInit = CallOptions & {
  params?: { query?: Record<string, unknown>; header?: Record<string, unknown>; path?: Record<string, unknown> };
  parseAs?: "json" | "text" | "blob" | "arrayBuffer" | "stream";
  [key: string]: unknown;
};

export interface CallPlan extends CallSite {
  readonly operationId: string | undefined;
  readonly maxRetries: number;
  /** Milliseconds allowed per attempt. */
  readonly timeout: number;
  readonly throws: boolean;
  /** Whether a failure that may have reached Enfuce may be followed by another attempt. */
  readonly safeToRepeat: boolean;
  /** The caller's `retry` for this call: `false` also stops retries of requests that never left. */
  readonly retry: boolean | undefined;
  readonly signal: AbortSignal | undefined;
  /** The caller's choice of how to read a success body; when unset, the client parses it. */
  readonly parseAs: CallInit["parseAs"];
  /** What each attempt hands openapi-fetch; the attempt sets its own `signal`. */
  readonly request: Record<string, unknown> & { signal?: AbortSignal };
}

type Planned = { -readonly [K in keyof CallPlan]: CallPlan[K] };

export function planCall(
  config: ResolvedConfig,
  meta: OperationMeta | undefined,
  method: string,
  path: string,
  init: CallInit,
): CallPlan {
  const { maxRetries, timeout, throwOnError, idempotencyKey, retry, signal, params, parseAs, ...rest } = init;
  const plan: Planned = {
    method,
    path,
    operationId: meta?.operationId,
    maxRetries: config.maxRetries,
    timeout: config.timeout,
    throws: throwOnError ?? config.throwOnError,
    safeToRepeat: false,
    retry,
    signal,
    parseAs,
    request: rest,
  };
  if (maxRetries !== undefined) plan.maxRetries = checkRetries(maxRetries, "maxRetries", plan);
  if (timeout !== undefined) plan.timeout = checkTimeout(timeout, "timeout", plan);
  const header: Record<string, unknown> = { ...params?.header };
  // `meta` is undefined for an operation the spec does not know yet (client.request).
  const keyed = meta
    ? applyIdempotencyKey(plan, meta.idempotencyHeader, idempotencyKey, header, rest.headers)
    : applyUnknownOperationKey(plan, idempotencyKey, header, rest.headers);
  plan.safeToRepeat = isSafeToRepeat(method, keyed, retry);
  rest.params = { ...params, query: queryWithAuditUser(meta, config.auditUser, params?.query), header };
  // The success body is read as text and parsed by the client, so that an empty or non-JSON 2xx never crashes.
  rest.parseAs = parseAs ?? "text";
  return plan;
}
