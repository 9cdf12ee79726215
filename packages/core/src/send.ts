// One call, all attempts: the only place that decides retries, timeouts, idempotency keys and
// how answers become results or typed errors. Each attempt runs through openapi-fetch, so
// middleware sees every attempt.
import { randomUUID } from "node:crypto";
import type { Client } from "openapi-fetch";
import {
  ConfigurationError,
  ConnectionError,
  errorForStatus,
  RequestAbortedError,
  type RequestContext,
  ResponseParseError,
  TimeoutError,
} from "./errors";
import { checkRetries, checkTimeout, type ResolvedConfig } from "./options";
import { isRetryableStatus, isSafeToRepeat, provablyNotSent, retryDelayMs } from "./retry";
import type { DomainSpec } from "./spec";
import type { CallOptions } from "./types";

const REQUEST_ID_HEADERS = ["x-request-id", "x-correlation-id", "request-id"];

export interface SendContext {
  readonly config: ResolvedConfig;
  readonly spec: DomainSpec;
  // biome-ignore lint/suspicious/noExplicitAny: the typed surface lives in types.ts; this is the untyped engine under it
  readonly inner: Client<any>;
}

type Init = CallOptions & {
  params?: { query?: Record<string, unknown>; header?: Record<string, unknown>; path?: Record<string, unknown> };
  parseAs?: "json" | "text" | "blob" | "arrayBuffer" | "stream";
  [key: string]: unknown;
};

export interface SendResult {
  data?: unknown;
  error?: unknown;
  response: Response;
  attempts: number;
}

const requestIdOf = (response: Response | undefined) => {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response?.headers.get(name);
    if (value) return value.slice(0, 200);
  }
  return undefined;
};

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function hasHeader(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() === name.toLowerCase() && value != null) return String(value);
  }
  return undefined;
}

/** Parses a success body read as text: empty is undefined, JSON (declared or undeclared) is parsed. */
function parseSuccess(text: unknown, response: Response, context: RequestContext): unknown {
  if (typeof text !== "string" || text === "") return text === "" ? undefined : text;
  const type = response.headers.get("content-type") ?? "";
  if (type !== "" && !type.includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ResponseParseError(response.status, context, { cause });
  }
}

/** Whether a thrown value is a transport failure (fetch's TypeError, a socket error with a code). */
const isTransportFailure = (error: unknown) =>
  error instanceof TypeError || typeof (error as { code?: unknown })?.code === "string";

export async function send(ctx: SendContext, method: string, path: string, init: Init = {}): Promise<unknown> {
  const { config, spec, inner } = ctx;
  const { maxRetries, timeout, throwOnError, idempotencyKey, retry, signal, params, parseAs, ...rest } = init;
  const meta = spec.operations[`${method} ${path}`];
  const retries = maxRetries === undefined ? config.maxRetries : checkRetries(maxRetries, "maxRetries");
  const attemptTimeout = timeout === undefined ? config.timeout : checkTimeout(timeout, "timeout");
  const throws = throwOnError ?? config.throwOnError;

  const header: Record<string, unknown> = { ...params?.header };
  const keyHeader = meta?.idempotencyHeader ?? (idempotencyKey === undefined ? undefined : "x-idempotency-key");
  let hasKey = false;
  if (keyHeader) {
    const given = hasHeader(header, keyHeader) ?? hasHeader(rest.headers, keyHeader);
    if (given === undefined) header[keyHeader] = idempotencyKey ?? randomUUID();
    else if (idempotencyKey !== undefined && given !== idempotencyKey) {
      throw new ConfigurationError(`${method} ${path}: two different idempotency keys were given`);
    }
    hasKey = true;
  }
  const safeToRepeat = isSafeToRepeat(method, hasKey, retry);
  const query = meta?.auditUser === false ? { ...params?.query } : { auditUser: config.auditUser, ...params?.query };
  const callParams = { ...params, query, header };

  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const timeoutController = new AbortController();
    const timer = setTimeout(() => timeoutController.abort(), attemptTimeout);
    const attemptSignal = signal ? AbortSignal.any([signal, timeoutController.signal]) : timeoutController.signal;
    const context = (response?: Response): RequestContext => ({
      method,
      path,
      attempts: attempt,
      requestId: requestIdOf(response),
    });
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      result = await inner.request(method.toLowerCase() as "get", path, {
        ...rest,
        params: callParams,
        parseAs: parseAs ?? "text",
        signal: attemptSignal,
      });
    } catch (error) {
      clearTimeout(timer);
      const durationMs = Math.round(performance.now() - started);
      if (signal?.aborted) throw new RequestAbortedError("aborted by the caller", context(), { cause: signal.reason });
      if (error instanceof ConfigurationError) throw error;
      let failure: ConnectionError;
      let repeatable: boolean;
      if (timeoutController.signal.aborted) {
        failure = new TimeoutError(`no complete answer within ${attemptTimeout} ms`, context());
        repeatable = safeToRepeat;
      } else if (isTransportFailure(error)) {
        const neverSent = provablyNotSent(error);
        failure = new ConnectionError(
          neverSent ? "connection failed before the request was sent" : "connection failed",
          context(),
          {
            cause: error,
          },
        );
        repeatable = retry !== false && (safeToRepeat || neverSent);
      } else {
        throw error;
      }
      config.log.log(attempt <= retries && repeatable ? "info" : "warn", `${method} ${path} failed: ${failure.name}`, {
        method,
        path,
        attempt,
        durationMs,
        error: failure.name,
      });
      if (attempt > retries || !repeatable) throw failure;
      await waitBeforeRetry(ctx, attempt, null, signal, context);
      continue;
    }
    clearTimeout(timer);
    const { response } = result;
    // Every call passes here: build the debug record only when someone reads it.
    if (config.log.enabled("debug")) {
      config.log.log("debug", `${method} ${path} -> ${response.status}`, {
        method,
        path,
        status: response.status,
        attempt,
        durationMs: Math.round(performance.now() - started),
        requestId: requestIdOf(response),
      });
    }
    if (!response.ok && isRetryableStatus(response.status) && safeToRepeat && attempt <= retries) {
      config.log.log("info", `${method} ${path} answered ${response.status}; retrying`, {
        method,
        path,
        status: response.status,
        attempt,
      });
      await waitBeforeRetry(ctx, attempt, response.headers.get("retry-after"), signal, context);
      continue;
    }
    if (response.ok) {
      const data = parseAs === undefined ? parseSuccess(result.data, response, context(response)) : result.data;
      return throws ? data : { data, response, attempts: attempt };
    }
    const body = result.error === "" ? undefined : result.error;
    if (throws) throw errorForStatus(response.status, body, context(response));
    return { error: body, response, attempts: attempt };
  }
}

async function waitBeforeRetry(
  ctx: SendContext,
  attempt: number,
  retryAfter: string | null,
  signal: AbortSignal | undefined,
  context: () => RequestContext,
): Promise<void> {
  try {
    await sleep(retryDelayMs(attempt, retryAfter, ctx.config.retryBackoff), signal);
  } catch (reason) {
    throw new RequestAbortedError("aborted by the caller", context(), { cause: reason });
  }
}
