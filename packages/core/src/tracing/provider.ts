// The `tracerProvider` option and the tracer the SDK's spans come from: the caller's provider, or
// OpenTelemetry's global one (which follows a provider registered later).
import type { Tracer } from "@opentelemetry/api";
import { ConfigurationError } from "../errors";
import { CORE_VERSION } from "../user-agent";
import type { OpenTelemetryApi } from "./open-telemetry";

/**
 * The part of an OpenTelemetry `TracerProvider` the SDK uses; any provider of `@opentelemetry/api`
 * fits. Declared here so that the SDK's types need no OpenTelemetry package installed.
 */
export interface TracerProvider {
  getTracer(name: string, version?: string): unknown;
}

/** The instrumentation scope of every span the SDK makes. */
export const TRACER_NAME = "@enfuce-sdk/core";

export function checkTracerProvider(value: unknown): TracerProvider | undefined {
  if (value === undefined) return undefined;
  if (typeof (value as TracerProvider | null)?.getTracer !== "function") {
    throw new ConfigurationError("tracerProvider must be an OpenTelemetry TracerProvider (with getTracer)");
  }
  return value as TracerProvider;
}

export const tracerOf = (api: OpenTelemetryApi, provider: TracerProvider | undefined): Tracer =>
  (provider ?? api.trace).getTracer(TRACER_NAME, CORE_VERSION) as Tracer;

/**
 * Whether spans of `tracerOf(api, provider)` would record nothing because no provider is there:
 * none was given and none is registered globally. One may be registered later, so this is asked
 * per call; it spares each call the span that would be made only to be dropped.
 */
export function noProviderCheck(api: OpenTelemetryApi, provider: TracerProvider | undefined): () => boolean {
  if (provider) return () => false;
  // The API's stand-in for "no provider": what a proxy without a delegate answers.
  const none = new api.ProxyTracerProvider().getDelegate();
  return () => {
    const global = api.trace.getTracerProvider();
    return global instanceof api.ProxyTracerProvider && global.getDelegate() === none;
  };
}
