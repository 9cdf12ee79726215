// Every attempt, retries included, is visible to middleware and to the logger; the logger is
// filtered by level, set per client or by ENFUCE_LOG, and never shown a URL's values.

import { type FaultServer, reply, startFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { recordOutput } from "@enfuce-sdk/test-kit/leak-watch";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import type { Middleware } from "../src/index";
import { captureError, connect, type LogLine } from "./support/harness";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterEach(() => {
  server.clear();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const getItem = { params: { path: { itemId: "item-1" } } };
const summary = (logs: readonly LogLine[]) => logs.map(({ level, fields }) => `${level} ${fields.attempt}`);

describe("middleware", () => {
  test("sees the request and the response of every attempt", async () => {
    server.script("GET /items/item-1", reply.json(503), reply.json(503), reply.json(200, { id: "item-1" }));
    const seen: string[] = [];
    const middleware: Middleware = {
      onRequest: ({ request }) => void seen.push(`request ${new URL(request.url).pathname}`),
      onResponse: ({ response }) => void seen.push(`response ${response.status}`),
    };
    const { client } = connect(server.url, { middleware: [middleware] });

    await client.GET("/items/{itemId}", getItem);

    expect(seen).toEqual([
      "request /items/item-1",
      "response 503",
      "request /items/item-1",
      "response 503",
      "request /items/item-1",
      "response 200",
    ]);
  });

  test("sees every failed connection attempt through onError", async () => {
    server.script("GET /items/item-1", reply.resetBeforeHeaders());
    const errors: unknown[] = [];
    const { client } = connect(server.url, { middleware: [{ onError: ({ error }) => void errors.push(error) }] });

    await captureError(client.GET("/items/{itemId}", getItem));

    expect(errors).toHaveLength(3);
  });
});

describe("logger", () => {
  test("at debug, one line per attempt with its status and duration, and a notice per retry", async () => {
    server.script("GET /items/item-1", reply.json(503), reply.json(503), reply.json(200, { id: "item-1" }));
    const { client, logs } = connect(server.url);

    await client.GET("/items/{itemId}", getItem);

    expect(summary(logs)).toEqual(["debug 1", "info 1", "debug 2", "info 2", "debug 3"]);
    expect(logs.filter((line) => line.level === "debug").map((line) => line.fields.status)).toEqual([503, 503, 200]);
    for (const line of logs) expect(line.fields).toMatchObject({ method: "GET", path: "/items/{itemId}" });
    expect(logs[0]?.fields.durationMs).toEqual(expect.any(Number));
  });

  test("failed connections are info while a retry follows, warn on the last attempt", async () => {
    server.script("GET /items/item-1", reply.resetBeforeHeaders());
    const { client, logs } = connect(server.url);

    await captureError(client.GET("/items/{itemId}", getItem));

    expect(summary(logs)).toEqual(["info 1", "info 2", "warn 3"]);
    expect(logs[2]?.message).toBe("[enfuce] GET /items/{itemId} failed: ConnectionError");
  });

  test.each([
    { logLevel: "warn", expected: ["warn 3"] },
    { logLevel: "info", expected: ["info 1", "info 2", "warn 3"] },
    { logLevel: "off", expected: [] },
  ] as const)("logLevel $logLevel filters the lines", async ({ logLevel, expected }) => {
    server.script("GET /items/item-1", reply.resetBeforeHeaders());
    const { client, logs } = connect(server.url, { logLevel });

    await captureError(client.GET("/items/{itemId}", getItem));

    expect(summary(logs)).toEqual(expected);
  });

  test("lines name the path template, never the values in the URL", async () => {
    server.script("GET /items/card-4111111111111111", reply.json(503));
    const { client, logs } = connect(server.url, { auditUser: "jane.doe@example.com" });

    await client.GET("/items/{itemId}", { params: { path: { itemId: "card-4111111111111111" } } });

    expect(logs.length).toBeGreaterThan(0);
    const printed = JSON.stringify(logs);
    expect(printed).not.toContain("4111111111111111");
    expect(printed).not.toContain("jane.doe");
  });
});

describe("ENFUCE_LOG", () => {
  // One line at each level: a reset (info, a retry follows), a 503 (debug, then info), a final reset (warn).
  const callWithEveryLevel = async (options: Parameters<typeof connect>[1]) => {
    server.script("GET /items/item-1", reply.resetBeforeHeaders(), reply.json(503), reply.resetBeforeHeaders());
    const { client, logs } = connect(server.url, options);
    await captureError(client.GET("/items/{itemId}", getItem));
    return summary(logs);
  };

  test("sets the level when the client does not", async () => {
    vi.stubEnv("ENFUCE_LOG", "debug");
    expect(await callWithEveryLevel({ logLevel: undefined })).toEqual(["info 1", "debug 2", "info 2", "warn 3"]);
    vi.stubEnv("ENFUCE_LOG", "OFF");
    expect(await callWithEveryLevel({ logLevel: undefined })).toEqual([]);
  });

  test("an unknown value, or none, means warn", async () => {
    vi.stubEnv("ENFUCE_LOG", "verbose");
    expect(await callWithEveryLevel({ logLevel: undefined })).toEqual(["warn 3"]);
    vi.stubEnv("ENFUCE_LOG", undefined);
    expect(await callWithEveryLevel({ logLevel: undefined })).toEqual(["warn 3"]);
  });

  test("the client's logLevel wins", async () => {
    vi.stubEnv("ENFUCE_LOG", "off");
    expect(await callWithEveryLevel({ logLevel: "info" })).toEqual(["info 1", "info 2", "warn 3"]);
  });

  test("without a logger, lines go to the console", async () => {
    vi.stubEnv("ENFUCE_LOG", "debug");
    const printed: string[] = [];
    const keep = (...args: unknown[]) => {
      const line = args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ");
      printed.push(line);
      recordOutput(line);
    };
    for (const level of ["debug", "info", "warn"] as const) vi.spyOn(console, level).mockImplementation(keep);

    await callWithEveryLevel({ logger: undefined, logLevel: undefined });

    expect(printed).toHaveLength(4);
    expect(printed[1]).toMatch(/^\[enfuce\] GET \/items\/\{itemId\} -> 503 /);
  });
});
