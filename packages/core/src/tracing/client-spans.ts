// The spans of a client call. Each call is one CLIENT span named `<METHOD> <path template>`, a child
// of whatever span is active where the call was made; each attempt of it is a child span of its own
// (INTERNAL, so that tools counting outgoing requests do not count the call twice), with
// `http.request.resend_count` from the second attempt on. The waits between attempts are the gaps
// between those children. An HTTP instrumentation below the SDK (undici's) nests under the attempt.
import type { Attributes, Context, Span, Tracer } from "@opentelemetry/api";
import type { Answer } from "../call/answer";
import { requestIdOf } from "../call/result";
import type { CallSite } from "../errors";
import type { LogSink } from "../log";
import {
  ENFUCE_DOMAIN,
  ENFUCE_OPERATION_ID,
  ENFUCE_REQUEST_ID,
  ERROR_TYPE,
  HTTP_REQUEST_METHOD,
  HTTP_REQUEST_RESEND_COUNT,
  HTTP_RESPONSE_STATUS_CODE,
  SERVER_ADDRESS,
  SERVER_PORT,
  URL_TEMPLATE,
} from "./attributes";
import { errorTypeOf } from "./error-type";
import { LazyTracer } from "./lazy-tracer";
import type { OpenTelemetryApi } from "./open-telemetry";
import { noProviderCheck, type TracerProvider, tracerOf } from "./provider";

/** The operation a call is for, as the tracer names it. */
export interface TracedCall extends CallSite {
  readonly operationId: string | undefined;
}

/** Makes the spans of one client's calls; the attributes of each operation are built once. */
export class CallTracer {
  readonly #api: OpenTelemetryApi;
  readonly #tracer: Tracer;
  readonly #server: Attributes;
  readonly #operations = new Map<string, Attributes>();
  readonly #noProvider: () => boolean;

  constructor(api: OpenTelemetryApi, tracer: Tracer, noProvider: () => boolean, baseUrl: string, domain: string) {
    this.#api = api;
    this.#tracer = tracer;
    this.#noProvider = noProvider;
    const url = new URL(baseUrl);
    const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
    this.#server = { [SERVER_ADDRESS]: url.hostname, [SERVER_PORT]: port, [ENFUCE_DOMAIN]: domain };
  }

  /** The span of a call, or undefined when it records nothing (no provider, or not sampled). */
  startCall(call: TracedCall): CallSpan | undefined {
    if (this.#noProvider()) return undefined;
    const name = `${call.method} ${call.path}`;
    let attributes = this.#operations.get(name);
    if (!attributes) {
      attributes = { ...this.#server, [HTTP_REQUEST_METHOD]: call.method, [URL_TEMPLATE]: call.path };
      if (call.operationId) attributes[ENFUCE_OPERATION_ID] = call.operationId;
      this.#operations.set(name, attributes);
    }
    const api = this.#api;
    const parent = api.context.active();
    const span = this.#tracer.startSpan(name, { kind: api.SpanKind.CLIENT, attributes }, parent);
    if (!span.isRecording()) {
      span.end();
      return undefined;
    }
    return new CallSpan(api, this.#tracer, span, name, attributes, api.trace.setSpan(parent, span));
  }
}

function markFailed(api: OpenTelemetryApi, span: Span, errorType: string): void {
  span.setAttribute(ERROR_TYPE, errorType);
  span.setStatus({ code: api.SpanStatusCode.ERROR });
}

function recordAnswer(api: OpenTelemetryApi, span: Span, status: number, requestId: string | undefined): void {
  span.setAttribute(HTTP_RESPONSE_STATUS_CODE, status);
  if (requestId) span.setAttribute(ENFUCE_REQUEST_ID, requestId);
  if (status >= 400) markFailed(api, span, String(status));
}

/** One call's span; `attempt` wraps each attempt, `run` the whole call. */
export class CallSpan {
  readonly #api: OpenTelemetryApi;
  readonly #tracer: Tracer;
  readonly #span: Span;
  readonly #name: string;
  readonly #attributes: Attributes;
  readonly #context: Context;
  #attempts = 0;
  #status: number | undefined;
  #requestId: string | undefined;

  constructor(
    api: OpenTelemetryApi,
    tracer: Tracer,
    span: Span,
    name: string,
    attributes: Attributes,
    context: Context,
  ) {
    this.#api = api;
    this.#tracer = tracer;
    this.#span = span;
    this.#name = name;
    this.#attributes = attributes;
    this.#context = context;
  }

  /** Runs attempt number `attempt` (1-based) in a child span, active while it runs. */
  async attempt(attempt: number, run: () => Promise<Answer>): Promise<Answer> {
    const api = this.#api;
    const span = this.#tracer.startSpan(
      this.#name,
      { kind: api.SpanKind.INTERNAL, attributes: this.#attributes },
      this.#context,
    );
    if (attempt > 1) span.setAttribute(HTTP_REQUEST_RESEND_COUNT, attempt - 1);
    this.#attempts = attempt;
    try {
      const answer = await api.context.with(api.trace.setSpan(this.#context, span), run);
      this.#status = answer.status;
      this.#requestId = requestIdOf(answer);
      recordAnswer(api, span, this.#status, this.#requestId);
      return answer;
    } catch (error) {
      this.#status = undefined;
      markFailed(api, span, errorTypeOf(error));
      throw error;
    } finally {
      span.end();
    }
  }

  /** Marks the call failed though its last answer was a success (a body that does not match the spec). */
  fail(error: unknown): void {
    markFailed(this.#api, this.#span, errorTypeOf(error));
  }

  /** Runs the whole call and ends its span with the last answer, or with what the call failed with. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const span = this.#span;
    try {
      return await call();
    } catch (error) {
      markFailed(this.#api, span, errorTypeOf(error));
      throw error;
    } finally {
      if (this.#attempts > 1) span.setAttribute(HTTP_REQUEST_RESEND_COUNT, this.#attempts - 1);
      if (this.#status !== undefined) recordAnswer(this.#api, span, this.#status, this.#requestId);
      span.end();
    }
  }
}

/** The tracer of a client's calls, made once the API has loaded. */
export type ClientTracing = LazyTracer<CallTracer>;

export function createClientTracing(
  provider: TracerProvider | undefined,
  log: LogSink,
  baseUrl: string,
  domain: string,
): ClientTracing {
  return new LazyTracer(
    provider,
    log,
    (api) => new CallTracer(api, tracerOf(api, provider), noProviderCheck(api, provider), baseUrl, domain),
  );
}

/** The span of a call; undefined when nothing is traced; a promise only while the API loads. */
export function startCallSpan(
  tracing: ClientTracing,
  call: TracedCall,
): CallSpan | undefined | Promise<CallSpan | undefined> {
  const tracer = tracing.current();
  if (tracer === null) return undefined;
  if (tracer instanceof Promise) return tracer.then((loaded) => loaded?.startCall(call));
  return tracer.startCall(call);
}
