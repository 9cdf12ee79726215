// Spans recorded in memory from a real OpenTelemetry SDK, with the context manager an application
// registers, so that parent/child relations are those a user's tracing backend would show.
import { context, type SpanContext } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  type Sampler,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";

export interface SpanRecorder {
  readonly provider: BasicTracerProvider;
  /** Finished spans, oldest first. */
  spans(): readonly ReadableSpan[];
  reset(): void;
}

export function recordSpans(sampler?: Sampler): SpanRecorder {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    ...(sampler ? { sampler } : {}),
  });
  return { provider, spans: () => exporter.getFinishedSpans(), reset: () => exporter.reset() };
}

/** Registers the async-local-storage context manager; returns the function that removes it. */
export function useContextManager(): () => void {
  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  return () => {
    manager.disable();
    context.disable();
  };
}

export const parentOf = (span: ReadableSpan): SpanContext | undefined => span.parentSpanContext;
export const idOf = (span: ReadableSpan): string => span.spanContext().spanId;
export const isChildOf = (child: ReadableSpan, parent: ReadableSpan): boolean =>
  parentOf(child)?.spanId === idOf(parent) && child.spanContext().traceId === parent.spanContext().traceId;

/** Everything a span exports that a value could hide in: name, attributes, events, links, status. */
export const exportedText = (spans: readonly ReadableSpan[]): string =>
  JSON.stringify(
    spans.map((span) => ({
      name: span.name,
      attributes: span.attributes,
      events: span.events,
      links: span.links,
      status: span.status,
    })),
  );
