// Timeouts per client and per call, and a caller's own cancellation, which is never retried and is
// never mistaken for a timeout.

import { type FaultServer, reply } from "@enfuce-sdk/test-kit/fault-server";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ConfigurationError, ConnectionError, RequestAbortedError, TimeoutError } from "../src/index";
import { captureError, connect, recordingLogger, startWarmServer } from "./support/harness";

let server: FaultServer;
beforeAll(async () => {
  server = await startWarmServer();
});
afterEach(() => server.clear());
afterAll(() => server.close());

const getItem = { params: { path: { itemId: "item-1" } } };

describe("timeout", () => {
  test("per client: each attempt gets the full timeout, then TimeoutError", async () => {
    server.script("GET /items/item-1", reply.delay(10_000));
    const { client } = connect(server.url, { timeout: 100, throwOnError: true });

    const error = await captureError(client.GET("/items/{itemId}", getItem));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe("GET /items/{itemId}: no complete answer within 100 ms (3 attempts)");
    expect(server.count("GET /items/item-1")).toBe(3);
  });

  test("per call: a longer timeout lets a slow answer through", async () => {
    server.script("GET /items/item-1", reply.delay(200, reply.json(200, { id: "item-1" })));
    const { client } = connect(server.url, { timeout: 50 });

    const result = await client.GET("/items/{itemId}", { ...getItem, timeout: 5000 });

    expect(result.data).toEqual({ id: "item-1" });
    expect(result.attempts).toBe(1);
  });

  test("per call: a shorter timeout overrides the client's", async () => {
    server.script("GET /items/item-1", reply.delay(10_000));
    const { client } = connect(server.url, { throwOnError: true });

    const error = await captureError(client.GET("/items/{itemId}", { ...getItem, timeout: 80, maxRetries: 0 }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain("within 80 ms (1 attempt)");
  });

  test("covers reading the body, not only the headers", async () => {
    server.script("GET /items/item-1", reply.stalledBody());
    const { client } = connect(server.url, { timeout: 100, maxRetries: 0, throwOnError: true });

    expect(await captureError(client.GET("/items/{itemId}", getItem))).toBeInstanceOf(TimeoutError);
  });

  test("an invalid value is refused before anything is sent", async () => {
    expect(await captureError(() => connect(server.url, { timeout: 0 }))).toBeInstanceOf(ConfigurationError);
    const { client } = connect(server.url);
    const error = await captureError(client.GET("/items/{itemId}", { ...getItem, timeout: Number.NaN }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(server.count("GET /items/item-1")).toBe(0);
  });
});

describe("the caller's abort", () => {
  test("while waiting for the answer: RequestAbortedError, not retried, not a timeout", async () => {
    const controller = new AbortController();
    // Aborting from inside the server handler guarantees the request is in flight, with no sleeps.
    server.handle("GET /items/item-1", () => {
      controller.abort();
      return reply.delay(10_000);
    });
    const { client } = connect(server.url, { throwOnError: true });

    const error = await captureError(client.GET("/items/{itemId}", { ...getItem, signal: controller.signal }));

    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error.message).toBe("GET /items/{itemId}: aborted by the caller (1 attempt)");
    expect(server.count("GET /items/item-1")).toBe(1);
  });

  test("while waiting to retry: stops at once, even under a long Retry-After", async () => {
    const controller = new AbortController();
    server.script("GET /items/item-1", reply.retryAfter("60", 503));
    const logger = recordingLogger([]);
    const { client } = connect(server.url, {
      throwOnError: true,
      // The retry notice is logged just before the wait starts.
      logger: {
        ...logger,
        info(message, fields) {
          logger.info(message, fields);
          controller.abort();
        },
      },
    });

    const started = performance.now();
    const error = await captureError(client.GET("/items/{itemId}", { ...getItem, signal: controller.signal }));

    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(server.count("GET /items/item-1")).toBe(1);
  });

  test("before the call: nothing is sent", async () => {
    const { client } = connect(server.url, { throwOnError: true });

    const error = await captureError(client.GET("/items/{itemId}", { ...getItem, signal: AbortSignal.abort() }));

    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.count("GET /items/item-1")).toBe(0);
  });
});
