// Why a connection was refused before the request went out, as the ConnectionError's message says.
import { describe, expect, test } from "vitest";
import { refusalOf } from "../../src/transport/refusal";

const fetchFailed = (cause: unknown) => new TypeError("fetch failed", { cause });
const withCode = (code: string) => Object.assign(new Error("from the socket"), { code });

describe("refusalOf", () => {
  test.each([
    {
      name: "a server certificate from an unknown CA",
      error: fetchFailed(withCode("SELF_SIGNED_CERT_IN_CHAIN")),
      reason: "the server's certificate is not trusted (SELF_SIGNED_CERT_IN_CHAIN; a private CA goes in tls.ca)",
    },
    {
      name: "a certificate for another host",
      error: fetchFailed(withCode("ERR_TLS_CERT_ALTNAME_INVALID")),
      reason: "the server's certificate is not trusted (ERR_TLS_CERT_ALTNAME_INVALID; a private CA goes in tls.ca)",
    },
    {
      name: "no TLS version both sides accept",
      error: fetchFailed(withCode("ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION")),
      reason: "the TLS handshake failed (ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION)",
    },
    {
      name: "the proxy wants other credentials",
      error: fetchFailed(new Error("Proxy response (407) !== 200 when HTTP Tunneling")),
      reason: "the proxy refused its credentials (407)",
    },
    {
      name: "the proxy will not reach the host",
      error: fetchFailed(new Error("Proxy response (403) !== 200 when HTTP Tunneling")),
      reason: "the proxy refused the tunnel (403)",
    },
    { name: "a refused connection says nothing more", error: fetchFailed(withCode("ECONNREFUSED")), reason: undefined },
    { name: "a reset connection", error: fetchFailed(withCode("ECONNRESET")), reason: undefined },
    { name: "no cause", error: new TypeError("fetch failed"), reason: undefined },
    { name: "not an error", error: "ECONNREFUSED", reason: undefined },
  ])("$name", ({ error, reason }) => {
    expect(refusalOf(error)).toBe(reason);
  });
});
