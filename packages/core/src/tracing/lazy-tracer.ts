// A tracer made on first use, once @opentelemetry/api has loaded: a client or a receiver asks for
// it per call, and gets it synchronously from then on; null means tracing is off for good (the API
// is not installed).
import type { LogSink } from "../log";
import { type OpenTelemetryApi, openTelemetry } from "./open-telemetry";
import type { TracerProvider } from "./provider";

export class LazyTracer<T> {
  #value: T | null | undefined;
  /** While the API loads, the one promise every call gets, so calls meanwhile add nothing to wait on it. */
  #loading: Promise<T | null> | undefined;
  readonly #make: (api: OpenTelemetryApi) => T;
  readonly #provider: TracerProvider | undefined;
  readonly #log: LogSink;

  constructor(provider: TracerProvider | undefined, log: LogSink, make: (api: OpenTelemetryApi) => T) {
    this.#provider = provider;
    this.#log = log;
    this.#make = make;
  }

  /** The tracer, null when tracing is off, or (until the API has loaded) a promise of either. */
  current(): T | null | Promise<T | null> {
    if (this.#value !== undefined) return this.#value;
    const api = openTelemetry();
    if (!(api instanceof Promise)) return this.#settle(api);
    this.#loading ??= api.then((loaded) => this.#settle(loaded));
    return this.#loading;
  }

  #settle(api: OpenTelemetryApi | null): T | null {
    if (this.#value !== undefined) return this.#value;
    if (api === null && this.#provider) {
      this.#log.log(
        "warn",
        "a tracerProvider was given, but @opentelemetry/api cannot be loaded: nothing is traced",
        {},
      );
    }
    this.#value = api === null ? null : this.#make(api);
    return this.#value;
  }
}
