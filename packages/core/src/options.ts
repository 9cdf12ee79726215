import type { Middleware } from "openapi-fetch";
import { authorization, type Credentials } from "./auth";
import { checkedBaseUrl, environmentUrl } from "./environment";
import { type CallSite, ConfigurationError } from "./errors";
import { createLogSink, createRedactor, type Logger, type LogLevel, type LogSink, resolveLogLevel } from "./log";
import { DEFAULT_MAX_RETRIES, type RetryBackoff } from "./retry";
import type { DomainSpec } from "./spec";
import { checkTracerProvider, type TracerProvider } from "./tracing/provider";
import { checkTransportOptions, type TlsOptions, type TransportOptions } from "./transport/options";
import { type AppInfo, type PackageInfo, userAgentOf } from "./user-agent";
import type { ResponseDrift, ValidateResponses } from "./validation/types";

/** Options every domain client takes, the same for all of them. */
export interface ClientOptions {
  /** Full URL of the domain, base path included (https; plain http only for localhost/127.0.0.1). */
  readonly baseUrl?: string;
  /** With `realm`: the domain's documented server, e.g. `https://integration-api-cat2.{environment}.ext.{realm}.cia.enfuce.com/<base path>`. */
  readonly environment?: string;
  readonly realm?: string;
  /** HTTP Basic `{ username, password }` as documented, or `{ token }` for a bearer token. */
  readonly credentials: Credentials;
  /** Sent as `?auditUser=` on every request unless the call passes its own. */
  readonly auditUser: string;
  /** Replaces the transport, e.g. for tests; receives one Request per attempt. */
  readonly fetch?: (input: Request) => Promise<Response>;
  /**
   * A forward proxy for the default transport, e.g. `http://user:password@proxy.corp:3128`; its
   * credentials never appear in a log or an error. Default: `HTTPS_PROXY` / `HTTP_PROXY` /
   * `NO_PROXY` from the environment, read when the first request goes out.
   */
  readonly proxy?: string;
  /** TLS for the default transport: extra trusted CAs, a client certificate for mutual TLS, a minimum version. */
  readonly tls?: TlsOptions;
  /** openapi-fetch middleware; it sees every attempt, retries included. */
  readonly middleware?: readonly Middleware[];
  /** Retries after a retryable failure. Default 2. */
  readonly maxRetries?: number;
  readonly retryBackoff?: RetryBackoff;
  /** Milliseconds allowed per attempt, until the response body is read. Default 30 000. */
  readonly timeout?: number;
  /** Resolve to the data and reject with typed errors instead of returning `{ data, error }`. */
  readonly throwOnError?: boolean;
  /** Your application, appended to the `User-Agent` the client sends, e.g. `{ name: "acme-sync", version: "2.1.0" }`. */
  readonly appInfo?: AppInfo;
  readonly logger?: Logger;
  /** Default: `ENFUCE_LOG`, else `warn`. */
  readonly logLevel?: LogLevel;
  /**
   * Where the spans of the calls go when `@opentelemetry/api` is installed. Default: OpenTelemetry's
   * global tracer provider.
   */
  readonly tracerProvider?: TracerProvider;
  /**
   * Checks each 2xx answer against the operation's response schema: `"warn"` reports what differs
   * (once per operation and place) through the logger and `onDrift`; `"error"` also fails a call
   * whose answer the spec cannot describe with a ResponseValidationError. Default `"off"`: nothing
   * is loaded or checked.
   */
  readonly validateResponses?: ValidateResponses;
  /** Told about each difference between an answer and the spec, once per operation and place. */
  readonly onDrift?: (drift: ResponseDrift) => void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Options after checking, as the client uses them. */
export interface ResolvedConfig {
  readonly baseUrl: string;
  readonly authorization: string;
  readonly auditUser: string;
  readonly fetch: ((input: Request) => Promise<Response>) | undefined;
  /** The default transport's proxy and TLS options (unused with `fetch`). */
  readonly transport: TransportOptions;
  readonly maxRetries: number;
  readonly retryBackoff: RetryBackoff;
  readonly timeout: number;
  readonly throwOnError: boolean;
  /** `enfuce-sdk/<core> <domain>/<package> node/<version>`, then the caller's application. */
  readonly userAgent: string;
  readonly log: LogSink;
  readonly redact: (text: string) => string;
  readonly tracerProvider: TracerProvider | undefined;
  readonly validateResponses: ValidateResponses;
  readonly onDrift: ((drift: ResponseDrift) => void) | undefined;
}

export function checkRetries(value: unknown, name: string, call?: CallSite): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 10) {
    throw new ConfigurationError(`${name} must be an integer from 0 to 10`, call);
  }
  return value as number;
}

export function checkTimeout(value: unknown, name: string, call?: CallSite): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(`${name} must be a positive number of milliseconds`, call);
  }
  return value;
}

const VALIDATE_RESPONSES: readonly ValidateResponses[] = ["off", "warn", "error"];

function checkValidateResponses(value: unknown): ValidateResponses {
  if (value === undefined) return "off";
  if (!VALIDATE_RESPONSES.includes(value as ValidateResponses)) {
    throw new ConfigurationError('validateResponses must be "off", "warn" or "error"');
  }
  return value as ValidateResponses;
}

function checkOnDrift(value: unknown): ((drift: ResponseDrift) => void) | undefined {
  if (value !== undefined && typeof value !== "function") throw new ConfigurationError("onDrift must be a function");
  return value as ((drift: ResponseDrift) => void) | undefined;
}

export function resolveConfig(options: ClientOptions, spec: DomainSpec, packageInfo?: PackageInfo): ResolvedConfig {
  if (typeof options !== "object" || options === null) throw new ConfigurationError("options are required");
  const { header, secrets } = authorization(options.credentials);
  if (typeof options.auditUser !== "string" || options.auditUser.trim() === "") {
    throw new ConfigurationError("auditUser must be a non-empty string: Enfuce records it in its audit log");
  }
  let baseUrl: string;
  if (options.baseUrl !== undefined) {
    baseUrl = checkedBaseUrl(options.baseUrl);
  } else if (options.environment !== undefined || options.realm !== undefined) {
    if (options.environment === undefined || options.realm === undefined) {
      throw new ConfigurationError("environment and realm go together; give both, or a baseUrl");
    }
    baseUrl = environmentUrl(options.environment, options.realm, spec.serverUrl);
  } else {
    throw new ConfigurationError("give a baseUrl, or an environment and a realm");
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new ConfigurationError("fetch must be a function");
  }
  const transport = checkTransportOptions(options);
  const redact = createRedactor([...secrets, header, ...transport.secrets]);
  return {
    baseUrl,
    authorization: header,
    auditUser: options.auditUser,
    fetch: options.fetch,
    transport: transport.transport,
    maxRetries: checkRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES, "maxRetries"),
    retryBackoff: options.retryBackoff ?? {},
    timeout: checkTimeout(options.timeout ?? DEFAULT_TIMEOUT_MS, "timeout"),
    throwOnError: options.throwOnError ?? false,
    userAgent: userAgentOf(packageInfo, options.appInfo),
    log: createLogSink(options.logger, resolveLogLevel(options.logLevel), redact),
    redact,
    tracerProvider: checkTracerProvider(options.tracerProvider),
    validateResponses: checkValidateResponses(options.validateResponses),
    onDrift: checkOnDrift(options.onDrift),
  };
}
