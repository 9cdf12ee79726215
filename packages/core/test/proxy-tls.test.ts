// The default transport's proxy and TLS options against real servers on 127.0.0.1: a CONNECT proxy
// that records its tunnels, and an HTTPS server with a certificate made here that requires a client
// certificate. Proxy credentials, like the API's, never reach an error or a log line.

import { type FaultServer, reply, startFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { findLeaks, recordedOutputs, recordOutput } from "@enfuce-sdk/test-kit/leak-watch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConfigurationError, ConnectionError } from "../src/index";
import { createPki, type Pki } from "./support/certificates";
import { type ConnectProxy, startConnectProxy } from "./support/connect-proxy";
import { captureError, connect } from "./support/harness";
import { type MutualTlsServer, startMutualTlsServer } from "./support/mutual-tls-server";
import { exportedText, recordSpans } from "./support/spans";
import { createTestClient } from "./support/test-api";

const PROXY_USER = { username: "proxy-user", password: "pr0xy-Pa55:w0rd" };
const proxyUrl = (proxy: ConnectProxy, password = PROXY_USER.password) =>
  proxy.url.replace("http://", `http://${PROXY_USER.username}:${encodeURIComponent(password)}@`);
const PROXY_SECRETS = [
  PROXY_USER.password,
  encodeURIComponent(PROXY_USER.password),
  Buffer.from(`${PROXY_USER.username}:${PROXY_USER.password}`).toString("base64"),
];

let pki: Pki;
let plain: FaultServer;
let proxy: ConnectProxy;
let https: MutualTlsServer;

beforeAll(async () => {
  pki = createPki();
  plain = await startFaultServer();
  proxy = await startConnectProxy(PROXY_USER);
  https = await startMutualTlsServer(pki);
});
afterAll(async () => {
  await plain.close();
  await proxy.close();
  await https.close();
});

const getItem = { params: { path: { itemId: "item-1" } } };
const mutualTls = () => ({ ca: pki.ca, cert: pki.client.cert, key: pki.client.key });

describe("mutual TLS", () => {
  test("with the test CA trusted and a client certificate, the call goes through and the server sees who called", async () => {
    const { client } = connect(https.url, { tls: mutualTls(), throwOnError: true });
    expect(await client.GET("/items/{itemId}", getItem)).toEqual({ id: "item-1", client: "issuer-backoffice" });
    expect(https.clients).toContain("issuer-backoffice");
  });

  test.each([
    // With TLS 1.3 the server refuses the client after the handshake: the socket just closes.
    { name: "without the client certificate", tls: () => ({ ca: pki.ca }), message: /connection failed/ },
    {
      name: "without the CA that signed the server's certificate",
      tls: () => ({ cert: pki.client.cert, key: pki.client.key }),
      message: /before the request was sent: the server's certificate is not trusted \(SELF_SIGNED_CERT_IN_CHAIN/,
    },
  ])("$name the call throws a ConnectionError that says so, even without throwOnError", async ({ tls, message }) => {
    const { client } = connect(https.url, { tls: tls(), maxRetries: 0 });
    const error = await captureError(client.GET("/items/{itemId}", getItem));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(message);
  });

  test("minVersion TLSv1.3 refuses a server that offers at most TLS 1.2", async () => {
    const old = await startMutualTlsServer(pki, { maxVersion: "TLSv1.2" });
    try {
      const strict = connect(old.url, {
        tls: { ...mutualTls(), minVersion: "TLSv1.3" },
        throwOnError: true,
        maxRetries: 0,
      });
      const error = await captureError(strict.client.GET("/items/{itemId}", getItem));
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error.message).toMatch(/the TLS handshake failed \(ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION\)/);
      const lenient = connect(old.url, { tls: { ...mutualTls(), minVersion: "TLSv1.2" }, throwOnError: true });
      expect(await lenient.client.GET("/items/{itemId}", getItem)).toMatchObject({ client: "issuer-backoffice" });
    } finally {
      await old.close();
    }
  });
});

describe("a forward proxy", () => {
  test("every request goes through a tunnel to the API's host, authenticated to the proxy only", async () => {
    plain.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
    const before = proxy.tunnels.length;
    const { client } = connect(plain.url, { proxy: proxyUrl(proxy), throwOnError: true });
    expect(await client.GET("/items/{itemId}", getItem)).toEqual({ id: "item-1" });
    expect(proxy.tunnels.slice(before)).toEqual([
      { authority: new URL(plain.url).host, proxyAuthorization: `Basic ${PROXY_SECRETS[2]}` },
    ]);
    expect(plain.requests("GET /items/item-1")[0]?.headers["proxy-authorization"]).toBeUndefined();
  });

  test("mutual TLS through the proxy's tunnel", async () => {
    const before = proxy.tunnels.length;
    const { client } = connect(https.url, { proxy: proxyUrl(proxy), tls: mutualTls(), throwOnError: true });
    expect(await client.GET("/items/{itemId}", getItem)).toMatchObject({ client: "issuer-backoffice" });
    expect(proxy.tunnels.slice(before).map((tunnel) => tunnel.authority)).toEqual([new URL(https.url).host]);
  });

  test("refused credentials fail the call, and the proxy's password is in no error, log line or span", async () => {
    const wrong = "wr0ng-pr0xy-secret";
    const spans = recordSpans();
    const { client, logs } = connect(plain.url, {
      proxy: proxyUrl(proxy, wrong),
      throwOnError: true,
      maxRetries: 1,
      tracerProvider: spans.provider,
    });
    const before = recordedOutputs().length;
    const error = await captureError(client.GET("/items/{itemId}", getItem));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain("before the request was sent: the proxy refused its credentials (407)");
    expect(logs.length).toBeGreaterThan(0);
    expect(spans.spans().length).toBeGreaterThan(0);
    for (const line of logs) recordOutput(`${line.message} ${JSON.stringify(line.fields)}`);
    recordOutput(exportedText(spans.spans()));
    expect(
      findLeaks(recordedOutputs().slice(before), [
        wrong,
        Buffer.from(`${PROXY_USER.username}:${wrong}`).toString("base64"),
      ]),
    ).toEqual([]);
  });

  test("a successful call through the proxy logs no credential either", async () => {
    plain.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
    const { client, logs } = connect(plain.url, { proxy: proxyUrl(proxy) });
    await client.GET("/items/{itemId}", getItem);
    expect(logs.length).toBeGreaterThan(0);
    expect(
      findLeaks(
        logs.map((line) => `${line.message} ${JSON.stringify(line.fields)}`),
        PROXY_SECRETS,
      ),
    ).toEqual([]);
  });
});

describe("options are checked when the client is created", () => {
  const base = { credentials: { username: "u", password: "p" }, auditUser: "a", baseUrl: "http://127.0.0.1:1" };
  test.each([
    {
      options: { proxy: `ftp://${PROXY_USER.username}:${PROXY_USER.password}@proxy` },
      message: /proxy must be an http/,
    },
    { options: { proxy: `not a url ${PROXY_USER.password}` }, message: /proxy must be an http/ },
    { options: { tls: { cert: "pem" } }, message: /tls.cert and tls.key go together/ },
    { options: { tls: { ca: 42 } }, message: /tls.ca must be/ },
    { options: { tls: { minVersion: "TLSv1" } }, message: /tls.minVersion/ },
    { options: { proxy: "http://proxy:3128", fetch: async () => new Response() }, message: /custom fetch/ },
  ])("$message", async ({ options, message }) => {
    const error = await captureError(() => createTestClient({ ...base, ...options } as never));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(message);
    expect(findLeaks([error.message, String(error), JSON.stringify(error)], PROXY_SECRETS)).toEqual([]);
  });
});
