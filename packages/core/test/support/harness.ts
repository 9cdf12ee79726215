// Clients for the runtime tests: test credentials, fast backoff, a logger that keeps every line, and
// every error they produce handed to the leak watch.

import { type FaultServer, startFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { credentials, recordError, recordOutput } from "@enfuce-sdk/test-kit/leak-watch";
import type { ClientOptions, Logger, LogLevel, Middleware, ResponseChecksLoader } from "../../src/index";
import { createTestClient } from "./test-api";

export interface LogLine {
  readonly level: Exclude<LogLevel, "off">;
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

/** Backoff short enough to keep retry tests fast; Retry-After tests set their own. */
export const FAST_BACKOFF = { initialDelayMs: 1, maxDelayMs: 5 } as const;

export function recordingLogger(lines: LogLine[]): Logger {
  const keep =
    (level: LogLine["level"]) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      lines.push({ level, message, fields });
      recordOutput(`${level} ${message} ${JSON.stringify(fields)}`);
    };
  return { error: keep("error"), warn: keep("warn"), info: keep("info"), debug: keep("debug") };
}

/**
 * Set by the "through a Request" test project (vitest.config.mts): every client of the suite then
 * carries a middleware that changes nothing, so each call goes through openapi-fetch and a WHATWG
 * Request instead of straight to the connections, and the same tests prove both paths.
 */
export const THROUGH_REQUEST = process.env.ENFUCE_TEST_ROUTE === "request";
/** The middleware every client of the suite starts with: none, or the pass-through one. */
export const ROUTE_MIDDLEWARE: readonly Middleware[] = THROUGH_REQUEST ? [{ onRequest: () => undefined }] : [];

/** A test-API client for `baseUrl`; `options` override the defaults, e.g. `logLevel: undefined` to use ENFUCE_LOG. */
export function connect<const Options extends Partial<ClientOptions>>(
  baseUrl: string,
  options?: Options,
  loadResponseChecks?: ResponseChecksLoader,
) {
  const logs: LogLine[] = [];
  const defaults: ClientOptions = {
    credentials,
    auditUser: "proof-suite",
    baseUrl,
    retryBackoff: FAST_BACKOFF,
    logger: recordingLogger(logs),
    logLevel: "debug",
  };
  // Typed as ClientOptions & Options, so that an option given here (say logLevel) replaces the
  // default's type instead of intersecting with it.
  const client = createTestClient(
    {
      ...defaults,
      ...options,
      middleware: [...ROUTE_MIDDLEWARE, ...(options?.middleware ?? [])],
    } as ClientOptions & Options,
    loadResponseChecks,
  );
  return { client: watchErrors(client), logs };
}

/** The error a promise rejects with (or a function throws); fails the test if there is none. */
export async function captureError(action: Promise<unknown> | (() => unknown)): Promise<Error> {
  try {
    await (typeof action === "function" ? action() : action);
  } catch (error) {
    recordError(error);
    if (error instanceof Error) return error;
    throw new Error(`expected an Error, got ${String(error)}`);
  }
  throw new Error("expected a failure, but the call succeeded");
}

// Every method's thrown error, rejection, or `{ error }` result goes to the leak watch.
function watchErrors<Client extends object>(client: Client): Client {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = value.apply(target, args);
        } catch (error) {
          recordError(error);
          throw error;
        }
        if (!(result instanceof Promise)) return result;
        return result.then(
          (settled: unknown) => {
            if (typeof settled === "object" && settled !== null && "error" in settled) recordError(settled.error);
            return settled;
          },
          (error: unknown) => {
            recordError(error);
            throw error;
          },
        );
      };
    },
  });
}

/**
 * A fault server the default transport has already talked to: a process's first request also
 * compiles undici's HTTP parser and opens the connection, which on a busy machine can take longer
 * than the short timeouts the timing tests use.
 */
export async function startWarmServer(): Promise<FaultServer> {
  const server = await startFaultServer();
  await connect(server.url, { logLevel: "off" }).client.GET("/warm-up" as never);
  server.clear();
  return server;
}
