import type { CallInit } from "./call/plan";
import { ConfigurationError, errorForStatus, ResponseValidationError } from "./errors";
import { createFilterBuilder } from "./filter";
import { type ClientOptions, resolveConfig } from "./options";
import { createOutbound } from "./outbound";
import { createPageIterator, type FetchedPage } from "./paginate";
import { checkRequestTarget, METHODS } from "./request";
import { type SendContext, send } from "./send";
import type { DomainSpec } from "./spec";
import { createClientTracing } from "./tracing/client-spans";
import type { CallResult, EnfuceClient } from "./types";
import type { PackageInfo } from "./user-agent";
import { createResponseChecker } from "./validation/response-checker";
import type { ResponseChecksLoader } from "./validation/types";

/**
 * The factory behind every `create<Domain>Client`: one transport policy for every domain.
 * `packageInfo` names the domain package in the User-Agent; `loadResponseChecks` loads the
 * package's response checks, for `validateResponses` (never called while it is "off").
 */
export function createEnfuceClient<
  Paths extends {},
  Spec extends DomainSpec,
  Options extends ClientOptions = ClientOptions,
>(
  options: Options,
  spec: Spec,
  packageInfo?: PackageInfo,
  loadResponseChecks?: ResponseChecksLoader,
): EnfuceClient<Paths, Spec, Options> {
  const config = resolveConfig(options, spec, packageInfo);
  const { outbound, use, eject } = createOutbound(config);
  if (options.middleware) use(...options.middleware);
  const tracing = createClientTracing(config.tracerProvider, config.log, config.baseUrl, spec.domain);
  // Starts loading @opentelemetry/api (if installed) now, so that the first call rarely waits for it.
  tracing.current();
  const responses = createResponseChecker(config.validateResponses, loadResponseChecks, config.log, config.onDrift);
  // As with tracing: start loading now, so that the first call rarely waits.
  responses?.load();
  const ctx: SendContext = { config, spec, outbound, tracing, responses };

  // biome-ignore lint/suspicious/noExplicitAny: the typed surface is EnfuceClient; each method forwards to send()
  const client: Record<string, any> = {
    baseUrl: config.baseUrl,
    use,
    eject,
    paginate(path: string, init: Record<string, unknown> = {}) {
      const meta = spec.operations[`GET ${path}`];
      const call = { method: "GET", path, operationId: meta?.operationId };
      if (!meta?.paging) throw new ConfigurationError("is not a paged list operation", call);
      return createPageIterator(meta.paging, init, (pageInit) => fetchPage(ctx, path, pageInit), call);
    },
    filter(path: string) {
      const meta = spec.operations[`GET ${path}`];
      return createFilterBuilder(meta?.filter, { method: "GET", path, operationId: meta?.operationId });
    },
    async request(method: unknown, path: unknown, init: CallInit = {}) {
      const call = checkRequestTarget(method, path);
      // Without path values, openapi-fetch would send `{name}` as it stands; with {} a missing one is refused.
      return send(ctx, call.method, call.path, { ...init, params: { path: {}, ...init.params } });
    },
  };
  for (const method of METHODS) {
    client[method] = (path: string, init?: Record<string, unknown>) => send(ctx, method, path, init);
  }
  return client as EnfuceClient<Paths, Spec, Options>;
}

/** One page of a list: its answer, or the typed error of its status (a failing page ends the iteration). */
async function fetchPage(ctx: SendContext, path: string, init: Record<string, unknown>): Promise<FetchedPage> {
  const result = (await send(ctx, "GET", path, { ...init, throwOnError: false })) as CallResult<unknown, unknown>;
  const context = { method: "GET", path, attempts: result.attempts, requestId: result.requestId };
  if (result.error instanceof ResponseValidationError) throw result.error;
  if (result.error !== undefined) throw errorForStatus(result.response.status, result.error, context);
  return { body: result.data, status: result.response.status, context };
}
