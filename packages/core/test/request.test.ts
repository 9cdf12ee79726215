// client.request: an endpoint the spec does not have, called with the client's credentials, audit
// user, retries (by the same "never twice" rules), timeouts, errors, logging and spans.

import { refusingUrl, reply, useFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { credentials } from "@enfuce-sdk/test-kit/leak-watch";
import { SpanKind } from "@opentelemetry/api";
import { describe, expect, test } from "vitest";
import { ConfigurationError, ConnectionError, NotFoundError, RawErrorBody, TimeoutError } from "../src/index";
import { captureError, connect } from "./support/harness";
import { recordSpans } from "./support/spans";

const server = useFaultServer();

const basic = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;

describe("a call the spec does not know", () => {
  test("carries the credentials and audit user, encodes each path value as one segment, and answers untyped", async () => {
    server.script("GET /v5/cards/card%2F1%3F/limits", reply.json(200, { daily: 100 }));
    const { client } = connect(server.url);

    const result = await client.request("GET", "/v5/cards/{cardId}/limits", {
      params: { path: { cardId: "card/1?" }, query: { currency: "EUR" } },
    });

    expect(result).toMatchObject({ data: { daily: 100 }, attempts: 1 });
    const [request] = server.requests("GET /v5/cards/card%2F1%3F/limits");
    expect(request?.headers.authorization).toBe(basic);
    expect(Object.fromEntries(request?.query ?? [])).toEqual({ auditUser: "proof-suite", currency: "EUR" });
  });

  test("sends a JSON body, and an explicit auditUser: undefined sends none", async () => {
    server.script("POST /v5/cards", reply.json(201, { id: "c-1" }));
    const { client } = connect(server.url);

    await client.request("POST", "/v5/cards", { body: { name: "x" }, params: { query: { auditUser: undefined } } });

    const [request] = server.requests("POST /v5/cards");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual({ name: "x" });
    expect(request?.query.has("auditUser")).toBe(false);
  });

  test("an error status sets error, or throws its class with the path template, never a value", async () => {
    server.script("DELETE /v5/cards/c-9", reply.json(404, { message: "no card" }));
    server.script("GET /v5/report", reply.text(502, "<html>bad gateway</html>", "text/html"));
    const { client } = connect(server.url, { maxRetries: 0 });

    const { error } = await client.request("DELETE", "/v5/cards/{cardId}", { params: { path: { cardId: "c-9" } } });
    const thrown = await captureError(
      client.request("DELETE", "/v5/cards/{cardId}", { params: { path: { cardId: "c-9" } }, throwOnError: true }),
    );
    const { error: raw } = await client.request("GET", "/v5/report");

    expect(error).toEqual({ message: "no card" });
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(thrown).toMatchObject({ method: "DELETE", path: "/v5/cards/{cardId}", status: 404 });
    expect(thrown.message).not.toContain("c-9");
    expect(raw).toBeInstanceOf(RawErrorBody);
  });

  test("times out per attempt like any call", async () => {
    server.script("GET /v5/slow", reply.delay(1000));
    const { client } = connect(server.url);

    const error = await captureError(client.request("GET", "/v5/slow", { timeout: 50, maxRetries: 1 }));

    expect(error).toBeInstanceOf(TimeoutError);
    // Counted from the client's side: on a loaded machine an attempt may time out before the server reads it.
    expect((error as TimeoutError).attempts).toBe(2);
  });

  test("logs with the path template", async () => {
    server.script("GET /v5/cards/c-1", reply.json(200, {}));
    const { client, logs } = connect(server.url);

    await client.request("GET", "/v5/cards/{cardId}", { params: { path: { cardId: "c-1" } } });

    expect(logs.map((line) => line.message)).toEqual(["[enfuce] GET /v5/cards/{cardId} -> 200"]);
  });

  test("is a span named after the method and path template", async () => {
    server.script("GET /v5/cards/c-1", reply.json(200, {}));
    const recorder = recordSpans();
    const { client } = connect(server.url, { tracerProvider: recorder.provider });

    await client.request("GET", "/v5/cards/{cardId}", { params: { path: { cardId: "c-1" } } });

    const call = recorder.spans().find((span) => span.kind === SpanKind.CLIENT);
    expect(call?.name).toBe("GET /v5/cards/{cardId}");
    expect(call?.attributes).not.toHaveProperty("enfuce.operation_id");
  });
});

describe("retries: the spec proves nothing, so only the method and the caller do", () => {
  test("a GET is repeated after a retryable status", async () => {
    server.script("GET /v5/cards", reply.json(503), reply.json(200, []));
    const { client } = connect(server.url);

    expect(await client.request("GET", "/v5/cards")).toMatchObject({ data: [], attempts: 2 });
  });

  test("a POST is not repeated after a failure that may have reached Enfuce, key or not", async () => {
    server.script("POST /v5/transfers", reply.json(503));
    const { client } = connect(server.url);

    const plain = await client.request("POST", "/v5/transfers", { body: {} });
    const keyed = await client.request("POST", "/v5/transfers", { body: {}, idempotencyKey: "t-1" });
    server.script("PATCH /v5/transfers", reply.resetBeforeHeaders());
    const reset = await captureError(client.request("PATCH", "/v5/transfers", { body: {} }));

    expect([plain.attempts, keyed.attempts]).toEqual([1, 1]);
    expect(server.count("POST /v5/transfers")).toBe(2);
    expect(server.requests("POST /v5/transfers")[0]?.headers).not.toHaveProperty("x-idempotency-key");
    expect(server.requests("POST /v5/transfers")[1]?.headers["x-idempotency-key"]).toBe("t-1");
    expect(reset).toBeInstanceOf(ConnectionError);
    expect(server.count("PATCH /v5/transfers")).toBe(1);
  });

  test("with retry: true a POST is repeated, with the caller's key on every attempt", async () => {
    server.script("POST /v5/transfers", reply.json(503), reply.json(503), reply.json(201, { id: "t-1" }));
    const { client } = connect(server.url);

    const result = await client.request("POST", "/v5/transfers", { body: {}, idempotencyKey: "t-1", retry: true });

    expect(result).toMatchObject({ data: { id: "t-1" }, attempts: 3 });
    expect(server.requests("POST /v5/transfers").map((request) => request.headers["x-idempotency-key"])).toEqual([
      "t-1",
      "t-1",
      "t-1",
    ]);
  });

  test("a POST that provably never left is repeated", async () => {
    const { client } = connect(await refusingUrl());

    const error = await captureError(client.request("POST", "/v5/transfers", { body: {} }));

    expect(error).toMatchObject({ name: "ConnectionError", attempts: 3 });
  });

  test("an operation the spec knows behaves as its typed method: key generated, refused where undeclared", async () => {
    server.script("POST /payments", reply.json(503), reply.json(201, { id: "p-1", amount: 1 }));
    const { client } = connect(server.url);

    const result = await client.request("POST", "/payments", { body: { amount: 1 } });
    const refused = await captureError(client.request("POST", "/items", { body: {}, idempotencyKey: "k" }));

    expect(result.attempts).toBe(2);
    const keys = server.requests("POST /payments").map((request) => request.headers["x-idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(refused).toBeInstanceOf(ConfigurationError);
    expect(server.count("POST /items")).toBe(0);
  });
});

describe("refused before anything is sent", () => {
  test.each([
    ["an unknown method", "TRACE", "/v5/cards", /method must be one of GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS/],
    ["a lower-case method", "get", "/v5/cards", /method must be one of/],
    ["a path without /", "GET", "v5/cards", /must start with \//],
    ["an absolute URL", "GET", "https://elsewhere.example/v5", /must start with \//],
    ["another host", "GET", "//elsewhere.example/v5", /template under the base URL/],
    ["a query in the path", "GET", "/v5/cards?size=1", /no query/],
    ["a fragment", "GET", "/v5/cards#x", /template under the base URL/],
    ["a dot segment", "GET", "/../card/v4/1", /no empty, \. or \.\. segment/],
    ["an encoded dot segment", "GET", "/v5/%2E%2e/x", /no empty, \. or \.\. segment/],
    ["an empty segment", "GET", "/v5//cards", /no empty/],
    ["a space", "GET", "/v5/my cards", /template under the base URL/],
  ])("%s", async (_, method, path, message) => {
    const { client } = connect(server.url);

    const error = await captureError(client.request(method as "GET", path));

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(message);
  });

  test("a missing path value", async () => {
    const { client } = connect(server.url);

    const error = await captureError(client.request("GET", "/v5/cards/{cardId}"));

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe("GET /v5/cards/{cardId}: path parameter cardId is required");
  });

  test("a trailing slash, as some documented paths have, is kept", async () => {
    server.script("GET /v5/rules/", reply.json(200, []));
    const { client } = connect(server.url);

    expect((await client.request("GET", "/v5/rules/")).data).toEqual([]);
  });
});
