// What a client sends through: the default transport's connections (or the caller's fetch), where
// its requests go and its own headers, its middleware, and openapi-fetch, created for the first call
// that needs a Request (see call/route.ts).
import type { Client, Middleware } from "openapi-fetch";
import { type WireTarget, wireTargetOf } from "./call/wire";
import { serializePath, serializeQuery } from "./encoding";
import { ConfigurationError } from "./errors";
import { loadOpenApiFetch } from "./load";
import type { ResolvedConfig } from "./options";
import { type Connections, connectionsFor } from "./transport/connections";
import { createFetchTransport } from "./transport/fetch";

export interface Outbound {
  /** The default transport's connections; undefined when the caller gave their own `fetch`. */
  readonly connections: Connections | undefined;
  readonly target: WireTarget;
  /** The client's middleware: while there is any, every call goes through a Request. */
  readonly middleware: readonly Middleware[];
  /** openapi-fetch over the client's options and middleware, created by the first call that needs it. */
  // biome-ignore lint/suspicious/noExplicitAny: the typed surface lives in types.ts; this is the untyped engine under it
  requestClient(): Promise<Client<any>>;
}

/** openapi-fetch's own check, made when middleware is added rather than when a call runs. */
function checkMiddleware(middleware: unknown): asserts middleware is Middleware {
  if (
    typeof middleware !== "object" ||
    middleware === null ||
    !("onRequest" in middleware || "onResponse" in middleware || "onError" in middleware)
  ) {
    throw new ConfigurationError("middleware must be an object with onRequest(), onResponse() or onError()");
  }
}

/** A client's outbound side, with the `use` and `eject` the client exposes. */
export function createOutbound(config: ResolvedConfig) {
  const connections = config.fetch ? undefined : connectionsFor(config.transport);
  const middleware: Middleware[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: the typed surface lives in types.ts; this is the untyped engine under it
  let creating: Promise<Client<any>> | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  let inner: Client<any> | undefined;
  const headers = { Authorization: config.authorization, "User-Agent": config.userAgent };

  const outbound: Outbound = {
    connections,
    target: wireTargetOf(config.baseUrl, headers),
    middleware,
    requestClient() {
      creating ??= Promise.all([loadOpenApiFetch(), connections?.load()]).then(([createOpenApiFetch]) => {
        inner = createOpenApiFetch({
          baseUrl: config.baseUrl,
          fetch: config.fetch ?? createFetchTransport(connections as Connections),
          headers,
          querySerializer: serializeQuery,
          pathSerializer: serializePath,
        });
        // From here on openapi-fetch runs the same list, kept in step by use() and eject().
        inner.use(...middleware);
        return inner;
      });
      return creating;
    },
  };
  return {
    outbound,
    use(...added: Middleware[]) {
      const checked = added.filter(Boolean);
      for (const item of checked) checkMiddleware(item);
      middleware.push(...checked);
      inner?.use(...checked);
    },
    eject(...removed: Middleware[]) {
      for (const item of removed) {
        const index = middleware.indexOf(item);
        if (index !== -1) middleware.splice(index, 1);
      }
      inner?.eject(...removed);
    },
  };
}
