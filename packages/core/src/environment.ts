import { ConfigurationError } from "./errors";

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Fills the domain's documented server pattern; environment `live` with realm `prod` is the live server. */
export function environmentUrl(environment: string, realm: string, serverUrl: string): string {
  for (const [name, value] of [
    ["environment", environment],
    ["realm", realm],
  ] as const) {
    if (typeof value !== "string" || !DNS_LABEL.test(value)) {
      throw new ConfigurationError(
        `${name} must be a plain DNS label (letters, digits and inner hyphens, at most 63 characters), got ${JSON.stringify(String(value)).slice(0, 80)}`,
      );
    }
  }
  return serverUrl.replace("{environment}", environment).replace("{realm}", realm).replace(/\/+$/, "");
}

/** Checks a caller's base URL: https, or plain http only to this machine; no credentials in it. */
export function checkedBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError("baseUrl must be an absolute URL such as https://host/instalment");
  }
  if (url.username || url.password) {
    throw new ConfigurationError("baseUrl must not contain credentials; pass them as the credentials option");
  }
  if (url.search || url.hash) throw new ConfigurationError("baseUrl must not have a query or fragment");
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new ConfigurationError(
      `baseUrl uses plain http for ${url.hostname}; only https is allowed, except for localhost and 127.0.0.1`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigurationError(`baseUrl must use https, got ${url.protocol}`);
  }
  return url.href.replace(/\/+$/, "");
}
