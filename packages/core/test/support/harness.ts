// Clients for the runtime tests: test credentials, fast backoff, a logger that keeps every line, and
// every error they produce handed to the leak watch.
import type { ClientOptions, Logger, LogLevel } from "../../src/index";
import { credentials, recordError, recordOutput } from "./leak-watch";
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

/** A test-API client for `baseUrl`; `options` override the defaults, e.g. `logLevel: undefined` to use ENFUCE_LOG. */
export function connect<const Options extends Partial<ClientOptions>>(baseUrl: string, options?: Options) {
  const logs: LogLine[] = [];
  const client = createTestClient({
    credentials,
    auditUser: "proof-suite",
    baseUrl,
    retryBackoff: FAST_BACKOFF,
    logger: recordingLogger(logs),
    logLevel: "debug",
    ...(options as Options),
  });
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
