// The client names itself: a User-Agent with the core's version, the domain package's, Node's and
// the caller's application, and the request id of each answer on the result, success or not.
import { readFileSync } from "node:fs";
import { reply, useFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { credentials } from "@enfuce-sdk/test-kit/leak-watch";
import { describe, expect, test } from "vitest";
import { ConfigurationError, createEnfuceClient } from "../src/index";
import { userAgentOf } from "../src/user-agent";
import { captureError, connect } from "./support/harness";
import { type paths, testSpec } from "./support/test-api";

const server = useFaultServer();

const coreVersion: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
const node = `node/${process.versions.node}`;
const getItem = { params: { path: { itemId: "item-1" } } };
const userAgentSent = () => server.requests("GET /items/item-1")[0]?.headers["user-agent"];

describe("User-Agent", () => {
  test("names the core, the domain package and Node, on every attempt", async () => {
    server.script("GET /items/item-1", reply.json(503), reply.json(200, { id: "item-1" }));
    const client = createEnfuceClient<paths, typeof testSpec>(
      { credentials, auditUser: "proof-suite", baseUrl: server.url, retryBackoff: { initialDelayMs: 1 } },
      testSpec,
      { name: "test", version: "4.5.6" },
    );

    await client.GET("/items/{itemId}", getItem);

    const sent = server.requests("GET /items/item-1").map((request) => request.headers["user-agent"]);
    expect(sent).toEqual([
      `enfuce-sdk/${coreVersion} test/4.5.6 ${node}`,
      `enfuce-sdk/${coreVersion} test/4.5.6 ${node}`,
    ]);
  });

  test("ends with the caller's application", async () => {
    server.script("GET /items/item-1", reply.json(200, {}));
    const { client } = connect(server.url, { appInfo: { name: "acme-card-sync", version: "2.1.0" } });

    await client.GET("/items/{itemId}", getItem);

    expect(userAgentSent()).toBe(`enfuce-sdk/${coreVersion} ${node} acme-card-sync/2.1.0`);
  });

  test.each([
    { name: "a CR/LF in the name", appInfo: { name: "acme\r\nX-Injected: 1" } },
    { name: "a space", appInfo: { name: "acme sync" } },
    { name: "an empty name", appInfo: { name: "" } },
    { name: "a name over 64 characters", appInfo: { name: "a".repeat(65) } },
    { name: "a version over 32 characters", appInfo: { name: "acme", version: "1".repeat(33) } },
    { name: "a non-ASCII version", appInfo: { name: "acme", version: "1.0–beta" } },
    { name: "a string instead of an object", appInfo: "acme" },
  ])("refuses appInfo with $name when the client is created", async ({ appInfo }) => {
    const error = await captureError(() => connect(server.url, { appInfo: appInfo as never }));

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(/^appInfo/);
  });
});

describe("userAgentOf", () => {
  test.each([
    { packageInfo: undefined, appInfo: undefined, expected: `enfuce-sdk/${coreVersion} ${node}` },
    {
      packageInfo: { name: "card", version: "1.2.3" },
      appInfo: undefined,
      expected: `enfuce-sdk/${coreVersion} card/1.2.3 ${node}`,
    },
    {
      packageInfo: { name: "card", version: "1.2.3" },
      appInfo: { name: "app" },
      expected: `enfuce-sdk/${coreVersion} card/1.2.3 ${node} app`,
    },
  ])("$packageInfo, $appInfo", ({ packageInfo, appInfo, expected }) => {
    expect(userAgentOf(packageInfo, appInfo)).toBe(expected);
  });
});

describe("requestId on results", () => {
  test("a success carries the request id of its answer, or undefined", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1" }, { "x-request-id": "req-1" }));
    server.script("GET /items/item-2", reply.json(200, { id: "item-2" }));
    const { client } = connect(server.url);

    const withId = await client.GET("/items/{itemId}", getItem);
    const withoutId = await client.GET("/items/{itemId}", { params: { path: { itemId: "item-2" } } });

    expect(withId).toMatchObject({ data: { id: "item-1" }, requestId: "req-1" });
    expect(withoutId.requestId).toBeUndefined();
  });

  test("so does a failure, from the last attempt's answer", async () => {
    server.script(
      "GET /items/item-1",
      reply.json(503, {}, { "x-request-id": "req-a" }),
      reply.json(404, {}, { "x-correlation-id": "req-b" }),
    );
    const { client } = connect(server.url);

    const result = await client.GET("/items/{itemId}", getItem);

    expect(result).toMatchObject({ attempts: 2, requestId: "req-b", error: {} });
  });
});
