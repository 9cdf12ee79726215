// The transport-neutral part of a receiver: which webhook a call is for, whether it may be read
// (credentials, media type, size), and the answer to its body. node.ts and fetch.ts adapt it.
import { ConfigurationError } from "../errors";
import { isJsonContentType, NOT_JSON, parseJson } from "../json";
import { createLogSink, createRedactor, type LogSink, resolveLogLevel } from "../log";
import { checkTracerProvider } from "../tracing/provider";
import { createReceiverTracing, type HeaderReader, startWebhookSpan, type WebhookSpan } from "../tracing/webhook-spans";
import { type Answer, INTERNAL_ERROR, invalidPayload, TOO_LARGE, UNAUTHORIZED, UNSUPPORTED_TYPE } from "./answers";
import { createCredentialCheck } from "./credentials";
import { FAILURE_REASONS, failures, type WebhookFailureReason } from "./failure";
import { fetchHandler } from "./fetch";
import { nodeHandler } from "./node";
import { problemsOf } from "./problems";
import { ANSWER_SOURCES, type Reply, type Report, type WebhookRoute } from "./route";
import { createRouter, type Matched } from "./router";
import type { WebhookHandler, WebhookHandlerOptions } from "./types";

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** A body read as text, or one a framework (Express' body parsers) already parsed. */
export type ReceivedBody = { readonly text: string } | { readonly parsed: unknown };

export interface Receiver {
  readonly maxBodyBytes: number;
  /** The webhook a request line is for, or the refusal (404, 405). */
  readonly match: (method: string, target: string) => Matched | Answer;
  /** Whether a Content-Length header declares more than `maxBodyBytes`. */
  readonly declaresTooLarge: (contentLength: string | undefined) => boolean;
  /** The refusal of a call before its body is read, if any: credentials, media type, declared size. */
  readonly admit: (
    authorization: string | undefined,
    contentType: string | undefined,
    declaredTooLarge: boolean,
  ) => Answer | undefined;
  /** The span of a call to the matched webhook, when tracing is on; the adapter ends it with the answer. */
  readonly trace: <Carrier>(matched: Matched, headers: Carrier, read: HeaderReader<Carrier>) => WebhookSpan | undefined;
  /** Answers a call whose body was read, through `respond`, exactly once. */
  readonly answer: (
    matched: Matched,
    body: ReceivedBody,
    receivedAt: number,
    respond: (answer: Answer) => void,
    trace?: WebhookSpan,
  ) => void;
  /** 500 for a failure of the receiver itself, reported to onError. */
  readonly fail: (error: unknown) => Answer;
}

function checkedBodyLimit(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new ConfigurationError("maxBodyBytes must be a positive integer");
  }
  return value as number;
}

// While a shared store is down every call fails alike; one report a second per webhook says so
// without drowning the log. `stats()` still counts every failure.
const STORE_FAILURE_REPORT_INTERVAL_MS = 1000;

const zeroCounts = <Key extends string>(keys: readonly Key[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;

/**
 * Failures are counted, then go to onError (or a warning line) after the answer was written, never
 * into it; store failures at most once a second per webhook.
 */
export function reporterOf(
  onError: WebhookHandlerOptions["onError"],
  sink: LogSink,
  failureCounts: Record<WebhookFailureReason, number>,
): Report {
  if (onError !== undefined && typeof onError !== "function")
    throw new ConfigurationError("onError must be a function");
  const lastStoreReport = new Map<string, number>();
  return (error) => {
    failureCounts[error.reason]++;
    if (error.reason === "store-failed") {
      const now = performance.now();
      const last = lastStoreReport.get(error.operationId) ?? Number.NEGATIVE_INFINITY;
      if (now - last < STORE_FAILURE_REPORT_INTERVAL_MS) return;
      lastStoreReport.set(error.operationId, now);
    }
    setTimeout(() => {
      try {
        if (onError) onError(error);
        else sink.log("warn", error.message, { operationId: error.operationId, reason: error.reason });
      } catch {
        // A failing onError must not take the server down; there is nobody left to tell.
      }
    }, 0);
  };
}

function parse(matched: Matched, body: ReceivedBody): { payload: unknown } | Answer {
  if ("parsed" in body) return { payload: body.parsed };
  const payload = parseJson(body.text);
  if (payload === undefined) return invalidPayload([{ field: "", message: "a JSON body is required" }]);
  if (payload === NOT_JSON) {
    return invalidPayload([
      { field: "", message: `is not valid JSON (${matched.meta.operationId} expects a JSON body)` },
    ]);
  }
  return { payload };
}

/** The receiver behind every `create<Domain>Handler`: the given webhooks, with one policy for all. */
export function createWebhookHandler(options: WebhookHandlerOptions, routes: readonly WebhookRoute[]): WebhookHandler {
  if (typeof options !== "object" || options === null) throw new ConfigurationError("options are required");
  const credentials = createCredentialCheck(options.credentials);
  const maxBodyBytes = checkedBodyLimit(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  // A number shorter than the limit's cannot exceed it, so the usual header is never parsed: V8
  // hashes a string of digits to parse it, a few hundred instructions on every call.
  const limitDigits = String(maxBodyBytes).length;
  const sink = createLogSink(undefined, resolveLogLevel(undefined), createRedactor(credentials.secrets));
  const answers = zeroCounts(ANSWER_SOURCES);
  const failureCounts = zeroCounts(FAILURE_REASONS);
  const report = reporterOf(options.onError, sink, failureCounts);
  const tracing = createReceiverTracing(checkTracerProvider(options.tracerProvider), sink);
  // Starts loading @opentelemetry/api (if installed) now: a call is answered at once, never waiting for it.
  tracing.current();
  const match = createRouter(
    routes.map((route) => ({ meta: route.meta, answer: route.prepare(report) })),
    options.basePath,
  );

  const receiver: Receiver = {
    maxBodyBytes,
    match,
    declaresTooLarge(contentLength) {
      if (contentLength === undefined || contentLength.length < limitDigits) return false;
      const length = Number(contentLength);
      return Number.isSafeInteger(length) && length > maxBodyBytes;
    },
    admit(authorization, contentType, declaredTooLarge) {
      if (!credentials.accepts(authorization)) return UNAUTHORIZED;
      if (!isJsonContentType(contentType)) return UNSUPPORTED_TYPE;
      if (declaredTooLarge) return TOO_LARGE;
      return undefined;
    },
    trace: (matched, headers, read) => startWebhookSpan(tracing, matched.meta, headers, read),
    answer(matched, body, receivedAt, respond, trace) {
      // Every answer to a valid route call passes here: counted, and its source set on the span.
      const settle = (reply: Reply) => {
        answers[reply.source]++;
        trace?.answeredBy(reply.source);
        respond(reply.answer);
      };
      const parsed = parse(matched, body);
      if (!("payload" in parsed)) return settle({ answer: parsed, source: "invalid-payload" });
      const { validateRequest, requestBranches } = matched.meta;
      if (validateRequest && !validateRequest(parsed.payload)) {
        const answer = invalidPayload(problemsOf(validateRequest, requestBranches, parsed.payload));
        return settle({ answer, source: "invalid-payload" });
      }
      matched.answer(parsed.payload, { params: matched.params, receivedAt, trace }, settle);
    },
    fail(error) {
      report(failures.internalError("webhook", error));
      return INTERNAL_ERROR;
    },
  };
  return {
    node: nodeHandler(receiver),
    fetch: fetchHandler(receiver),
    stats: () => ({ answers: { ...answers }, failures: { ...failureCounts } }),
  };
}
