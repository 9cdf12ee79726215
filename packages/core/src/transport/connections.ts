// The kept-alive connection pools a client sends through, created on its first request: through a
// forward proxy when the client names one or the environment does (HTTPS_PROXY, HTTP_PROXY,
// NO_PROXY), with the client's TLS options. Clients without options of their own share one set, as
// Node's fetch shares one dispatcher; clients given the same proxy and the same `tls` object share
// theirs.
import { type Dispatcher, loadUndici } from "../load";
import { environmentHasProxy, type TransportOptions, tlsConnectOptions } from "./options";

/** How many redirects a request follows, as fetch does. */
const MAX_REDIRECTIONS = 20;

export interface Dispatchers {
  /** Follows redirects as fetch's `redirect: "follow"` does, dropping credentials on the way to another origin. */
  readonly following: Dispatcher;
  /** Hands a redirect back as the answer (fetch's `"manual"` and `"error"`). */
  readonly direct: Dispatcher;
}

const NO_OPTIONS: TransportOptions = { proxy: undefined, tls: undefined };

/** A client's transport: its dispatchers once loaded, and how to load them. */
export class Connections {
  readonly #options: TransportOptions;
  #ready: Dispatchers | undefined;
  #loading: Promise<Dispatchers> | undefined;

  constructor(options: TransportOptions = NO_OPTIONS) {
    this.#options = options;
  }

  /** The dispatchers, or undefined before the first request has loaded them. */
  get ready(): Dispatchers | undefined {
    return this.#ready;
  }

  load(): Promise<Dispatchers> {
    this.#loading ??= this.#create().then((dispatchers) => {
      this.#ready = dispatchers;
      return dispatchers;
    });
    return this.#loading;
  }

  async #create(): Promise<Dispatchers> {
    const { Agent, EnvHttpProxyAgent, ProxyAgent, interceptors } = await loadUndici();
    const { proxy } = this.#options;
    const tls = tlsConnectOptions(this.#options.tls);
    // Through a proxy, TLS to the API runs inside the tunnel; the extra CAs also vouch for an
    // https:// proxy. An http:// target is tunnelled too, so the proxy never sees a request in clear.
    const tunnelled = { requestTls: tls, proxyTls: tls?.ca ? { ca: tls.ca } : undefined };
    let direct: Dispatcher;
    if (proxy) direct = new ProxyAgent({ uri: proxy, ...tunnelled });
    else if (environmentHasProxy()) direct = new EnvHttpProxyAgent({ connect: tls, ...tunnelled });
    else direct = new Agent(tls ? { connect: tls } : undefined);
    return { direct, following: direct.compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS })) };
  }
}

/** Shared by every client that is given no transport options of its own. */
export const defaultConnections = new Connections();

/** Per `tls` object (or none), per proxy URL (or none): clients given the same options share connections. */
const shared = new WeakMap<object, Map<string, Connections>>();
const WITHOUT_TLS = {};

/** The connections for `options`: the shared default, or one set per proxy and `tls` object. */
export function connectionsFor(options: TransportOptions): Connections {
  if (!options.proxy && !options.tls) return defaultConnections;
  const tlsKey = options.tls ?? WITHOUT_TLS;
  const byProxy = shared.get(tlsKey) ?? new Map<string, Connections>();
  shared.set(tlsKey, byProxy);
  const proxyKey = options.proxy ?? "";
  const connections = byProxy.get(proxyKey) ?? new Connections(options);
  byProxy.set(proxyKey, connections);
  return connections;
}
