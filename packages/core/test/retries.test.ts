// When a call is repeated, how often, how long it waits, and what makes a POST safe to repeat.

import { refusingUrl, reply, useFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { describe, expect, test } from "vitest";
import { ConfigurationError, ConnectionError, RateLimitError, ServerError } from "../src/index";
import { captureError, connect } from "./support/harness";

const server = useFaultServer();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const keysSent = (route: "POST /payments" | "POST /items") =>
  server.requests(route).map((request) => request.headers["x-idempotency-key"]);

describe("a 503 sequence", () => {
  test("a GET that succeeds on the third attempt resolves, and says it took three", async () => {
    server.script("GET /items/item-1", reply.json(503), reply.json(503), reply.json(200, { id: "item-1" }));
    const { client } = connect(server.url);

    const result = await client.GET("/items/{itemId}", { params: { path: { itemId: "item-1" } } });

    expect(result.data).toEqual({ id: "item-1" });
    expect(result.attempts).toBe(3);
    expect(server.count("GET /items/item-1")).toBe(3);
  });

  test("the final error says how many attempts were made", async () => {
    server.script("GET /items/item-1", reply.json(503, { message: "maintenance" }));
    const { client } = connect(server.url, { throwOnError: true });

    const error = await captureError(client.GET("/items/{itemId}", { params: { path: { itemId: "item-1" } } }));

    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe("GET /items/{itemId}: 503 maintenance (3 attempts)");
  });
});

describe("idempotency keys", () => {
  test("an operation that declares x-idempotency-key gets a generated key, reused on every attempt", async () => {
    server.script("POST /payments", reply.json(503), reply.resetBeforeHeaders(), reply.json(201, { id: "pay-1" }));
    const { client } = connect(server.url, { throwOnError: true });

    const payment = await client.POST("/payments", { body: { amount: 100 } });

    expect(payment).toEqual({ id: "pay-1" });
    const keys = keysSent("POST /payments");
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID);
    expect(new Set(keys).size).toBe(1);
  });

  test("each call gets its own key", async () => {
    server.script("POST /payments", reply.json(201, { id: "pay" }));
    const { client } = connect(server.url);

    await client.POST("/payments", { body: { amount: 1 } });
    await client.POST("/payments", { body: { amount: 2 } });

    const [first, second] = keysSent("POST /payments");
    expect(first).not.toBe(second);
  });

  test("the caller's own key is sent instead, on every attempt", async () => {
    server.script("POST /payments", reply.json(500), reply.json(201, { id: "pay-1" }));
    const { client } = connect(server.url);

    await client.POST("/payments", { body: { amount: 100 }, idempotencyKey: "order-42" });

    expect(keysSent("POST /payments")).toEqual(["order-42", "order-42"]);
  });

  test("a key for an operation that declares no idempotency header is refused before anything is sent", async () => {
    const { client } = connect(server.url);

    const error = await captureError(client.POST("/items", { body: { reference: "r" }, idempotencyKey: "order-43" }));

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ method: "POST", path: "/items", operationId: "createItem" });
    expect(error.message).toMatch(
      /^POST \/items \(createItem\): idempotencyKey was given, but the spec declares no idempotency header/,
    );
    expect(error.message).toContain("`retry: true`");
    expect(server.count("POST /items")).toBe(0);
  });

  test.each([
    { where: "headers", init: { headers: { "X-Idempotency-Key": "order-44" } } },
    { where: "a Headers object", init: { headers: new Headers({ "x-idempotency-key": "order-44" }) } },
  ])(
    "so is an x-idempotency-key header put in $where by hand: it would not make the call repeatable",
    async ({ init }) => {
      const { client } = connect(server.url);

      const error = await captureError(client.POST("/items", { body: { reference: "r" }, ...init }));

      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain("an x-idempotency-key header was given");
      expect(server.count("POST /items")).toBe(0);
    },
  );

  test("`retry: true` remains the way for a caller who knows the call is safe to repeat", async () => {
    server.script("POST /items", reply.json(503), reply.json(201, { id: "item-9" }));
    const { client } = connect(server.url);

    const result = await client.POST("/items", { body: { reference: "r" }, retry: true });

    expect(result.data).toEqual({ id: "item-9" });
    expect(keysSent("POST /items")).toEqual([undefined, undefined]);
  });

  test("a key that is not a non-empty string is refused", async () => {
    const { client } = connect(server.url);

    const error = await captureError(client.POST("/payments", { body: { amount: 1 }, idempotencyKey: "" }));

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(server.count("POST /payments")).toBe(0);
  });

  test("two different keys for one call are refused before anything is sent", async () => {
    const { client } = connect(server.url);

    const error = await captureError(
      client.POST("/payments", {
        body: { amount: 1 },
        idempotencyKey: "a",
        params: { header: { "x-idempotency-key": "b" } },
      }),
    );

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(server.count("POST /payments")).toBe(0);
  });
});

describe("retry: true / false per call", () => {
  test("`retry: true` opts a POST without a key in", async () => {
    server.script("POST /items", reply.json(503));
    const { client } = connect(server.url);

    const result = await client.POST("/items", { body: { reference: "r" }, retry: true });

    expect(result.response.status).toBe(503);
    expect(result.attempts).toBe(3);
    expect(server.count("POST /items")).toBe(3);
  });

  test("`retry: false` opts a GET out, for an error status and for a broken connection", async () => {
    server.script("GET /items/a", reply.json(503));
    server.script("GET /items/b", reply.resetBeforeHeaders());
    const { client } = connect(server.url, { throwOnError: true });

    const status = await captureError(
      client.GET("/items/{itemId}", { params: { path: { itemId: "a" } }, retry: false }),
    );
    const reset = await captureError(
      client.GET("/items/{itemId}", { params: { path: { itemId: "b" } }, retry: false }),
    );

    expect(status).toBeInstanceOf(ServerError);
    expect(reset.constructor).toBe(ConnectionError);
    expect([server.count("GET /items/a"), server.count("GET /items/b")]).toEqual([1, 1]);
  });
});

describe("connection refused", () => {
  test("a POST without a key is retried, because nothing was sent", async () => {
    const attempts: string[] = [];
    const { client } = connect(await refusingUrl(), {
      throwOnError: true,
      middleware: [{ onRequest: ({ request }) => void attempts.push(request.method) }],
    });

    const error = await captureError(client.POST("/items", { body: { reference: "r" } }));

    expect(error.constructor).toBe(ConnectionError);
    expect(error.message).toContain("connection failed before the request was sent (3 attempts)");
    expect(attempts).toEqual(["POST", "POST", "POST"]);
  });

  test("`retry: false` still wins", async () => {
    const { client } = connect(await refusingUrl(), { throwOnError: true });

    const error = await captureError(client.POST("/items", { body: { reference: "r" }, retry: false }));

    expect(error).toMatchObject({ attempts: 1 });
  });
});

describe("maxRetries", () => {
  const getItem = { params: { path: { itemId: "item-1" } } };

  test.each([
    { client: 0, call: undefined, attempts: 1 },
    { client: 5, call: undefined, attempts: 6 },
    { client: 5, call: 1, attempts: 2 },
    { client: 0, call: 3, attempts: 4 },
  ])("client $client, call $call: $attempts attempts", async ({ client: clientRetries, call, attempts }) => {
    server.script("GET /items/item-1", reply.json(503));
    const { client } = connect(server.url, { maxRetries: clientRetries });

    const result = await client.GET("/items/{itemId}", call === undefined ? getItem : { ...getItem, maxRetries: call });

    expect(result.attempts).toBe(attempts);
    expect(server.count("GET /items/item-1")).toBe(attempts);
  });

  test("an out-of-range value is refused: per client when created, per call before sending", async () => {
    expect(await captureError(() => connect(server.url, { maxRetries: 11 }))).toBeInstanceOf(ConfigurationError);
    const { client } = connect(server.url);
    const error = await captureError(client.GET("/items/{itemId}", { ...getItem, maxRetries: -1 }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(server.count("GET /items/item-1")).toBe(0);
  });
});

describe("Retry-After", () => {
  // Backoff of 1 ms, so any wait near a second can only come from the server's Retry-After.
  const gapMs = (route: "GET /items/item-1") => {
    const [first, second] = server.requests(route);
    return (second?.receivedAt ?? Number.NaN) - (first?.receivedAt ?? Number.NaN);
  };
  const getItem = { params: { path: { itemId: "item-1" } } };

  test("in seconds is honoured", async () => {
    server.script("GET /items/item-1", reply.retryAfter("1"), reply.json(200, { id: "item-1" }));
    const { client } = connect(server.url);

    const result = await client.GET("/items/{itemId}", getItem);

    expect(result.data).toEqual({ id: "item-1" });
    expect(gapMs("GET /items/item-1")).toBeGreaterThanOrEqual(950);
  });

  test("as an HTTP date is honoured", async () => {
    // HTTP dates have whole seconds, so two seconds ahead is at least one second away.
    server.handle("GET /items/item-1", (_, index) =>
      index === 0
        ? reply.retryAfter(new Date(Date.now() + 2000).toUTCString(), 503)
        : reply.json(200, { id: "item-1" }),
    );
    const { client } = connect(server.url);

    const result = await client.GET("/items/{itemId}", getItem);

    expect(result.data).toEqual({ id: "item-1" });
    expect(gapMs("GET /items/item-1")).toBeGreaterThanOrEqual(900);
  });

  test("is capped by retryBackoff.maxRetryAfterMs", async () => {
    server.script("GET /items/item-1", reply.retryAfter("3600"), reply.json(200, { id: "item-1" }));
    const { client } = connect(server.url, { retryBackoff: { maxRetryAfterMs: 20 } });

    const result = await client.GET("/items/{itemId}", getItem);

    expect(result.attempts).toBe(2);
    expect(gapMs("GET /items/item-1")).toBeLessThan(900);
  });

  test("a 429 that never clears ends in a RateLimitError", async () => {
    server.script("GET /items/item-1", reply.retryAfter("0"));
    const { client } = connect(server.url, { throwOnError: true, maxRetries: 1 });

    const error = await captureError(client.GET("/items/{itemId}", getItem));

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, attempts: 2, body: { message: "slow down" } });
  });
});
