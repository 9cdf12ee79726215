// The default transport's network options: a forward proxy (explicit, or HTTPS_PROXY / HTTP_PROXY /
// NO_PROXY from the environment) and TLS (extra trusted CAs, a client certificate for mutual TLS, a
// minimum version). Checked when the client is created; applied when its first request loads the
// transport. A proxy's credentials are secrets like the API's: the redactor gets every form of them.
import { ConfigurationError } from "../errors";

type Pem = string | Buffer;

export interface TlsOptions {
  /** Certificates (PEM) trusted in addition to Node's default CAs: a corporate or test CA. */
  readonly ca?: Pem | readonly Pem[];
  /** Client certificate (PEM, with its chain) for mutual TLS; give `key` with it. */
  readonly cert?: Pem;
  /** The client certificate's private key (PEM). */
  readonly key?: Pem;
  /** Passphrase of an encrypted `key`. */
  readonly passphrase?: string;
  /** The oldest TLS version accepted. Default `"TLSv1.2"`. */
  readonly minVersion?: "TLSv1.2" | "TLSv1.3";
}

export interface TransportOptions {
  /** The forward proxy's URL, or undefined for the environment's. */
  readonly proxy: string | undefined;
  readonly tls: TlsOptions | undefined;
}

const MIN_VERSIONS = new Set(["TLSv1.2", "TLSv1.3"]);
const ENVIRONMENT_PROXIES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"] as const;

const isPem = (value: unknown): value is Pem => typeof value === "string" || Buffer.isBuffer(value);

/** The forms in which a proxy URL's credentials could show up in output. */
function proxySecrets(url: URL): string[] {
  if (!url.password && !url.username) return [];
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const basic = Buffer.from(`${username}:${password}`).toString("base64");
  // However short: a log line mangled by redaction beats a password in it.
  return [url.password, password, basic, `${url.username}:${url.password}`].filter((secret) => secret.length > 0);
}

function checkProxy(proxy: unknown): URL {
  let url: URL | undefined;
  try {
    url = typeof proxy === "string" ? new URL(proxy) : undefined;
  } catch {}
  // The value is not quoted: it may hold the proxy's password.
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new ConfigurationError("proxy must be an http:// or https:// URL, such as http://user:password@proxy:3128");
  }
  return url;
}

function checkTls(tls: unknown): TlsOptions {
  if (typeof tls !== "object" || tls === null) throw new ConfigurationError("tls must be an object");
  const { ca, cert, key, passphrase, minVersion } = tls as Record<string, unknown>;
  if (ca !== undefined && !isPem(ca) && !(Array.isArray(ca) && ca.every(isPem))) {
    throw new ConfigurationError("tls.ca must be a PEM certificate (string or Buffer) or a list of them");
  }
  if ((cert === undefined) !== (key === undefined)) {
    throw new ConfigurationError("tls.cert and tls.key go together: give both for mutual TLS, or neither");
  }
  if ((cert !== undefined && !isPem(cert)) || (key !== undefined && !isPem(key))) {
    throw new ConfigurationError("tls.cert and tls.key must be PEM (string or Buffer)");
  }
  if (passphrase !== undefined && typeof passphrase !== "string") {
    throw new ConfigurationError("tls.passphrase must be a string");
  }
  if (minVersion !== undefined && !MIN_VERSIONS.has(minVersion as string)) {
    throw new ConfigurationError('tls.minVersion must be "TLSv1.2" or "TLSv1.3"');
  }
  return tls as TlsOptions;
}

/** The checked options, and the secrets they (and the environment's proxies) hold. */
export function checkTransportOptions(
  options: { readonly proxy?: unknown; readonly tls?: unknown; readonly fetch?: unknown },
  env: NodeJS.ProcessEnv = process.env,
): { transport: TransportOptions; secrets: string[] } {
  const secrets: string[] = [];
  for (const name of ENVIRONMENT_PROXIES) {
    const value = env[name];
    if (value) {
      try {
        secrets.push(...proxySecrets(new URL(value)));
      } catch {}
    }
  }
  if (options.fetch !== undefined && (options.proxy !== undefined || options.tls !== undefined)) {
    throw new ConfigurationError("proxy and tls configure the default transport; a custom fetch brings its own");
  }
  let proxy: string | undefined;
  if (options.proxy !== undefined) {
    const url = checkProxy(options.proxy);
    secrets.push(...proxySecrets(url));
    proxy = url.href;
  }
  const tls = options.tls === undefined ? undefined : checkTls(options.tls);
  if (tls?.passphrase) secrets.push(tls.passphrase);
  return { transport: { proxy, tls }, secrets };
}

/** Whether the environment names a proxy; read when the transport is created, as undici reads it. */
export const environmentHasProxy = (env: NodeJS.ProcessEnv = process.env): boolean =>
  ENVIRONMENT_PROXIES.some((name) => Boolean(env[name]));

/** What Node's TLS connect takes of them. */
export interface TlsConnectOptions {
  readonly ca?: Pem[];
  readonly cert?: Pem;
  readonly key?: Pem;
  readonly passphrase?: string;
  readonly minVersion?: "TLSv1.2" | "TLSv1.3";
}

type NodeTls = typeof import("node:tls") & { getCACertificates?: (type: "default") => string[] };

/**
 * The CAs Node trusts when given none: its bundled roots, and from Node 22.15 on also those of
 * NODE_EXTRA_CA_CERTS (and the system's under --use-system-ca), which Node 20 cannot list.
 */
function defaultCertificates(): readonly string[] {
  // Loaded here, with the transport, not when the package is imported.
  const tls = process.getBuiltinModule("node:tls") as NodeTls;
  return tls.getCACertificates?.("default") ?? tls.rootCertificates;
}

/** Node's TLS options for `tls`: the extra CAs are added to the default ones, not put in their place. */
export function tlsConnectOptions(tls: TlsOptions | undefined): TlsConnectOptions | undefined {
  if (!tls) return undefined;
  const extra = tls.ca === undefined ? [] : [tls.ca].flat();
  return {
    ...(extra.length ? { ca: [...defaultCertificates(), ...extra] } : {}),
    ...(tls.cert === undefined ? {} : { cert: tls.cert, key: tls.key, passphrase: tls.passphrase }),
    ...(tls.minVersion === undefined ? {} : { minVersion: tls.minVersion }),
  };
}
