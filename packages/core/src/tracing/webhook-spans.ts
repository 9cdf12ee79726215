// The spans of a receiver: one SERVER span per call to a webhook route, named `<METHOD> <documented
// path>`, from the moment the route is known to the answer written, refusals (401, 413, 415, 400)
// included. The receiver tells the span who answered (an AnswerSource: your handler, the fallback,
// the receiver itself for a warm-up, a stored decision, the deduplication for a redelivery, ...),
// and the route whether the deadline was missed and why your code failed. Your handler runs with
// the span active, so the spans of your own calls are its children.
import type { Context, Span, Tracer } from "@opentelemetry/api";
import type { LogSink } from "../log";
import type { WebhookFailureReason } from "../webhook/failure";
import type { AnswerSource } from "../webhook/route";
import type { WebhookMeta } from "../webhook/types";
import {
  ENFUCE_OPERATION_ID,
  ENFUCE_WEBHOOK_ANSWERED_BY,
  ENFUCE_WEBHOOK_DEADLINE_MISSED,
  ENFUCE_WEBHOOK_FAILURE,
  ERROR_TYPE,
  HTTP_REQUEST_METHOD,
  HTTP_RESPONSE_STATUS_CODE,
  HTTP_ROUTE,
} from "./attributes";
import { LazyTracer } from "./lazy-tracer";
import type { OpenTelemetryApi } from "./open-telemetry";
import { noProviderCheck, type TracerProvider, tracerOf } from "./provider";

/** What a route tells the trace of one call. */
export interface WebhookCallTrace {
  answeredBy(source: AnswerSource): void;
  deadlineMissed(): void;
  failed(reason: WebhookFailureReason): void;
  /** Runs your code with the call's span active. */
  run<T>(code: () => T): T;
}

/** Reads a header, by lower-case name, out of a request's headers (`carrier`): OpenTelemetry's TextMapGetter. */
export interface HeaderReader<Carrier> {
  get(carrier: Carrier, name: string): string | undefined;
  keys(carrier: Carrier): string[];
}

export class WebhookSpan implements WebhookCallTrace {
  readonly #api: OpenTelemetryApi;
  readonly #span: Span;
  readonly #context: Context;
  #deadlineMissed = false;
  #ended = false;

  constructor(api: OpenTelemetryApi, span: Span, context: Context) {
    this.#api = api;
    this.#span = span;
    this.#context = context;
  }

  answeredBy(source: AnswerSource): void {
    this.#span.setAttribute(ENFUCE_WEBHOOK_ANSWERED_BY, source);
  }

  deadlineMissed(): void {
    this.#deadlineMissed = true;
  }

  failed(reason: WebhookFailureReason): void {
    // A failure reported after the answer (a late throw) belongs to no span any more.
    if (!this.#ended) this.#span.setAttribute(ENFUCE_WEBHOOK_FAILURE, reason);
  }

  run<T>(code: () => T): T {
    return this.#api.context.with(this.#context, code);
  }

  /** Ends the span with the status of the answer written; a 5xx is an error of the receiver. */
  end(status: number): void {
    if (this.#ended) return;
    this.#ended = true;
    const span = this.#span;
    span.setAttribute(HTTP_RESPONSE_STATUS_CODE, status);
    span.setAttribute(ENFUCE_WEBHOOK_DEADLINE_MISSED, this.#deadlineMissed);
    if (status >= 500) {
      span.setAttribute(ERROR_TYPE, String(status));
      span.setStatus({ code: this.#api.SpanStatusCode.ERROR });
    }
    span.end();
  }
}

/** Whether the request has a header the registered propagator reads (none are read without one). */
function carriesContext<Carrier>(api: OpenTelemetryApi, headers: Carrier, read: HeaderReader<Carrier>): boolean {
  for (const field of api.propagation.fields()) if (read.get(headers, field) !== undefined) return true;
  return false;
}

export class WebhookTracer {
  readonly #api: OpenTelemetryApi;
  readonly #tracer: Tracer;
  readonly #noProvider: () => boolean;

  constructor(api: OpenTelemetryApi, tracer: Tracer, noProvider: () => boolean) {
    this.#api = api;
    this.#tracer = tracer;
    this.#noProvider = noProvider;
  }

  /**
   * The span of a call to `meta`'s route, or undefined when it records nothing. Its parent is the
   * active span (an HTTP server instrumentation's), else the trace context the caller sent, if any.
   */
  start<Carrier>(meta: WebhookMeta, headers: Carrier, read: HeaderReader<Carrier>): WebhookSpan | undefined {
    if (this.#noProvider()) return undefined;
    const api = this.#api;
    const active = api.context.active();
    const parent =
      api.trace.getSpan(active) || !carriesContext(api, headers, read)
        ? active
        : api.propagation.extract(active, headers, read);
    const span = this.#tracer.startSpan(
      `${meta.method} ${meta.path}`,
      {
        kind: api.SpanKind.SERVER,
        attributes: {
          [HTTP_REQUEST_METHOD]: meta.method,
          [HTTP_ROUTE]: meta.path,
          [ENFUCE_OPERATION_ID]: meta.operationId,
        },
      },
      parent,
    );
    if (!span.isRecording()) {
      span.end();
      return undefined;
    }
    return new WebhookSpan(api, span, api.trace.setSpan(parent, span));
  }
}

/** The tracer of a receiver's calls, made once the API has loaded. */
export type ReceiverTracing = LazyTracer<WebhookTracer>;

export function createReceiverTracing(provider: TracerProvider | undefined, log: LogSink): ReceiverTracing {
  return new LazyTracer(
    provider,
    log,
    (api) => new WebhookTracer(api, tracerOf(api, provider), noProviderCheck(api, provider)),
  );
}

/**
 * The span of a call, when tracing is on and the API has loaded: a receiver answers at once and
 * never waits for the API (it starts loading when the handler is created), so a call that arrives
 * before it has loaded is not traced.
 */
export function startWebhookSpan<Carrier>(
  tracing: ReceiverTracing,
  meta: WebhookMeta,
  headers: Carrier,
  read: HeaderReader<Carrier>,
): WebhookSpan | undefined {
  const tracer = tracing.current();
  return tracer === null || tracer instanceof Promise ? undefined : tracer.start(meta, headers, read);
}
