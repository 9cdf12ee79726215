// HTTP_PROXY, HTTPS_PROXY and NO_PROXY from the environment, for clients given no proxy of their
// own. The environment is read when a client's transport loads with its first request, so this file
// sets it before any request and is the only one that does.

import { type FaultServer, reply, startFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { findLeaks } from "@enfuce-sdk/test-kit/leak-watch";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPki } from "./support/certificates";
import { type ConnectProxy, startConnectProxy } from "./support/connect-proxy";
import { connect } from "./support/harness";
import { type MutualTlsServer, startMutualTlsServer } from "./support/mutual-tls-server";

const PROXY_USER = { username: "env-user", password: "env-pr0xy-Pa55" };
const PROXY_NAMES = ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"] as const;
const saved = Object.fromEntries(PROXY_NAMES.map((name) => [name, process.env[name]]));
const pki = createPki();
let server: FaultServer;
let https: MutualTlsServer;
let proxy: ConnectProxy;

beforeAll(async () => {
  server = await startFaultServer();
  https = await startMutualTlsServer(pki);
  proxy = await startConnectProxy(PROXY_USER);
  const withCredentials = proxy.url.replace("http://", `http://${PROXY_USER.username}:${PROXY_USER.password}@`);
  process.env.HTTP_PROXY = withCredentials;
  process.env.HTTPS_PROXY = withCredentials;
  delete process.env.NO_PROXY;
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await server.close();
  await https.close();
  await proxy.close();
});

const getItem = { params: { path: { itemId: "item-1" } } };
const tunnelsTo = (url: string) => proxy.tunnels.filter((tunnel) => tunnel.authority === new URL(url).host);

/** `action` with NO_PROXY naming the local servers' host. */
async function bypassingTheProxy<Result>(action: () => Promise<Result>): Promise<Result> {
  process.env.NO_PROXY = "127.0.0.1";
  try {
    return await action();
  } finally {
    delete process.env.NO_PROXY;
  }
}

test("HTTP_PROXY sends the calls through the proxy; NO_PROXY exempts a host; the proxy's password is never logged", async () => {
  server.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
  const { client, logs } = connect(server.url, { throwOnError: true });

  expect(await client.GET("/items/{itemId}", getItem)).toEqual({ id: "item-1" });
  expect(tunnelsTo(server.url)).toHaveLength(1);

  expect(await bypassingTheProxy(() => client.GET("/items/{itemId}", getItem))).toEqual({ id: "item-1" });
  expect(tunnelsTo(server.url)).toHaveLength(1);
  expect(server.count("GET /items/item-1")).toBe(2);

  expect(
    findLeaks(
      logs.map((line) => `${line.message} ${JSON.stringify(line.fields)}`),
      [PROXY_USER.password],
    ),
  ).toEqual([]);
});

test("HTTPS_PROXY carries mutual TLS in its tunnel, and NO_PROXY's direct connection keeps the client's TLS", async () => {
  const tls = { ca: pki.ca, cert: pki.client.cert, key: pki.client.key };
  const { client } = connect(https.url, { tls, throwOnError: true });

  expect(await client.GET("/items/{itemId}", getItem)).toMatchObject({ client: "issuer-backoffice" });
  expect(tunnelsTo(https.url)).toEqual([
    {
      authority: new URL(https.url).host,
      proxyAuthorization: `Basic ${Buffer.from(`${PROXY_USER.username}:${PROXY_USER.password}`).toString("base64")}`,
    },
  ]);

  expect(await bypassingTheProxy(() => client.GET("/items/{itemId}", getItem))).toMatchObject({
    client: "issuer-backoffice",
  });
  expect(tunnelsTo(https.url)).toHaveLength(1);
  expect(https.clients).toEqual(["issuer-backoffice", "issuer-backoffice"]);
});
