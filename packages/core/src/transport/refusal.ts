// Why a connection was refused before any request could go out, in words a caller can act on: the
// server's certificate was not trusted, the TLS handshake failed (a version or a client certificate
// one side will not take), or the forward proxy would not open a tunnel. A bare "connection failed"
// would send people digging through the cause chain. Only a code or the proxy's status is named,
// never a URL (a proxy's may hold its credentials).

/** Certificate checks Node runs during the handshake, before anything is sent. */
const CERTIFICATE_CODES = new Set([
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Handshake failures: no common TLS version, or a client certificate missing or refused. */
const HANDSHAKE_CODES = new Set([
  "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION",
  "ERR_SSL_UNSUPPORTED_PROTOCOL",
  "ERR_SSL_NO_PROTOCOLS_AVAILABLE",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE",
  "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE",
  "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA",
  "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED",
]);

/** undici's ProxyAgent when the proxy answers CONNECT with anything but 200. */
const TUNNEL_REFUSED = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;

/** `error` and its causes, outermost first (a few levels: fetch's TypeError, undici's, the socket's). */
export function* causesOf(error: unknown): Generator<{ readonly code?: unknown; readonly message?: unknown }> {
  for (let cause = error, depth = 0; typeof cause === "object" && cause !== null && depth < 5; depth++) {
    yield cause;
    cause = (cause as { cause?: unknown }).cause;
  }
}

/** Why the connection was refused before the request was sent, or undefined when it was not. */
export function refusalOf(error: unknown): string | undefined {
  for (const { code, message } of causesOf(error)) {
    if (typeof code === "string" && CERTIFICATE_CODES.has(code)) {
      return `the server's certificate is not trusted (${code}; a private CA goes in tls.ca)`;
    }
    if (typeof code === "string" && HANDSHAKE_CODES.has(code)) {
      return `the TLS handshake failed (${code})`;
    }
    const status = typeof message === "string" ? TUNNEL_REFUSED.exec(message)?.[1] : undefined;
    if (status === "407") return "the proxy refused its credentials (407)";
    if (status) return `the proxy refused the tunnel (${status})`;
  }
  return undefined;
}
