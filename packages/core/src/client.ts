import createOpenApiFetch from "openapi-fetch";
import { serializePath, serializeQuery } from "./encoding";
import { createFilterBuilder } from "./filter";
import { type ClientOptions, resolveConfig } from "./options";
import { createPageIterator } from "./paginate";
import { type SendContext, send } from "./send";
import type { DomainSpec } from "./spec";
import { defaultConnections } from "./transport/connections";
import { createFetchTransport } from "./transport/fetch";
import type { EnfuceClient } from "./types";

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;
const keepAliveFetch = createFetchTransport(defaultConnections);

/** The factory behind every `create<Domain>Client`: one transport policy for every domain. */
export function createEnfuceClient<
  Paths extends {},
  Spec extends DomainSpec,
  Options extends ClientOptions = ClientOptions,
>(options: Options, spec: Spec): EnfuceClient<Paths, Spec, Options> {
  const config = resolveConfig(options, spec);
  const inner = createOpenApiFetch({
    baseUrl: config.baseUrl,
    fetch: config.fetch ?? keepAliveFetch,
    headers: { Authorization: config.authorization },
    querySerializer: serializeQuery,
    pathSerializer: serializePath,
  });
  if (options.middleware) inner.use(...options.middleware);
  const ctx: SendContext = { config, spec, inner, connections: config.fetch ? undefined : defaultConnections };

  // biome-ignore lint/suspicious/noExplicitAny: the typed surface is EnfuceClient; each method forwards to send()
  const client: Record<string, any> = {
    baseUrl: config.baseUrl,
    use: inner.use,
    eject: inner.eject,
    paginate(path: string, init: Record<string, unknown> = {}) {
      const where = `GET ${path}`;
      const paging = spec.operations[where]?.paging;
      if (!paging) throw new TypeError(`${where} is not a paged list operation`);
      return createPageIterator(
        paging,
        init,
        (pageInit) => send(ctx, "GET", path, { ...pageInit, throwOnError: true }) as never,
        where,
      );
    },
    filter(path: string) {
      return createFilterBuilder(spec.operations[`GET ${path}`]?.filter, `GET ${path}`);
    },
  };
  for (const method of METHODS) {
    client[method] = (path: string, init?: Record<string, unknown>) => send(ctx, method, path, init);
  }
  return client as EnfuceClient<Paths, Spec, Options>;
}
