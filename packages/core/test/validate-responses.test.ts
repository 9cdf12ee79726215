// validateResponses against a real server: drift (unknown members and values, an undocumented
// status) is reported once per operation and place; a real mismatch fails the call with "error";
// with "off" nothing is loaded; the checks load lazily and the first call waits for them.

import { reply, useFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { recordOutput } from "@enfuce-sdk/test-kit/leak-watch";
import { SpanKind } from "@opentelemetry/api";
import { describe, expect, test, vi } from "vitest";
import {
  ConfigurationError,
  type ResponseChecks,
  type ResponseDrift,
  ResponseParseError,
  ResponseValidationError,
} from "../src/index";
import { captureError, connect, type LogLine } from "./support/harness";
import { testResponseChecks } from "./support/response-checks";
import { recordSpans } from "./support/spans";

const server = useFaultServer();

const getItem = { params: { path: { itemId: "item-1" } } };
const load = () => Promise.resolve(testResponseChecks);
const warnings = (logs: readonly LogLine[]) =>
  logs.filter((line) => line.level === "warn").map((line) => [line.fields.kind, line.fields.pointer]);

function checked(mode: "warn" | "error", options: Record<string, unknown> = {}, loader = load) {
  const drifts: ResponseDrift[] = [];
  const { client, logs } = connect(
    server.url,
    { validateResponses: mode, onDrift: (drift: ResponseDrift) => drifts.push(drift), ...options },
    loader,
  );
  return { client, logs, drifts };
}

describe('"off" (the default)', () => {
  test("loads nothing and checks nothing", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: 7 }));
    const loader = vi.fn(load);
    const { client } = connect(server.url, {}, loader);

    expect((await client.GET("/items/{itemId}", getItem)).data).toEqual({ id: 7 });
    expect(loader).not.toHaveBeenCalled();
  });
});

describe('"warn"', () => {
  test("reports unknown members and values once per operation and place, and returns the data", async () => {
    const answer = { id: "item-1", status: "FROZEN", colour: "red" };
    server.script("GET /items/item-1", reply.json(200, answer));
    const { client, logs, drifts } = checked("warn");

    expect((await client.GET("/items/{itemId}", getItem)).data).toEqual(answer);
    await client.GET("/items/{itemId}", getItem);

    expect(drifts).toEqual([
      {
        method: "GET",
        path: "/items/{itemId}",
        operationId: "getItem",
        status: 200,
        pointer: "/status",
        kind: "unknown-value",
        message: 'is a value the spec does not list (it lists "OPEN", "CLOSED", "OVERDUE")',
        value: "FROZEN",
      },
      expect.objectContaining({ pointer: "/colour", kind: "unknown-member" }),
    ]);
    expect(warnings(logs)).toEqual([
      ["unknown-value", "/status"],
      ["unknown-member", "/colour"],
    ]);
    expect(logs.find((line) => line.level === "warn")?.message).toBe(
      '[enfuce] GET /items/{itemId}: answer 200 differs from the spec at /status: is a value the spec does not list (it lists "OPEN", "CLOSED", "OVERDUE")',
    );
  });

  test("the same place in every item of a list is one difference", async () => {
    const items = [1, 2, 3].map((n) => ({ id: String(n), status: "NEW" }));
    server.script("GET /items", reply.json(200, { data: items }));
    const { client, drifts } = checked("warn");

    await client.GET("/items");

    expect(drifts.map((drift) => drift.pointer)).toEqual(["/data/0/status"]);
  });

  test("a mismatch is reported, never its value, and the call still returns its data", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: 4111111111111111, status: "OPEN" }));
    const { client, drifts, logs } = checked("warn");

    const { data } = await client.GET("/items/{itemId}", getItem);

    expect(data).toEqual({ id: 4111111111111111, status: "OPEN" });
    expect(drifts).toEqual([expect.objectContaining({ pointer: "/id", kind: "mismatch", message: "must be string" })]);
    expect(JSON.stringify([drifts, logs])).not.toContain("4111111111111111");
  });

  test("a 2xx the operation does not document is drift", async () => {
    server.script("GET /items/item-1", reply.json(202, { id: "item-1", status: "OPEN" }));
    const { client, drifts } = checked("warn");

    await client.GET("/items/{itemId}", getItem);

    expect(drifts).toEqual([expect.objectContaining({ kind: "undocumented-status", status: 202, pointer: "" })]);
  });

  test("checks that cannot be loaded are told once; calls go on unchecked", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: 7 }));
    const { client, logs } = checked("warn", {}, () => Promise.reject(new Error("module not found")));

    await client.GET("/items/{itemId}", getItem);
    await client.GET("/items/{itemId}", getItem);

    expect(logs.filter((line) => line.level === "warn").map((line) => line.message)).toEqual([
      "[enfuce] validateResponses is on, but the package's response checks (its `validators` entry) cannot be loaded: answers are not checked",
    ]);
  });

  test("an onDrift that throws is told, and the call is not affected", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1", status: "NEW" }));
    const { client, logs } = connect(
      server.url,
      {
        validateResponses: "warn",
        onDrift: () => {
          throw new Error("bug");
        },
      },
      load,
    );

    expect((await client.GET("/items/{itemId}", getItem)).error).toBeUndefined();
    expect(logs.map((line) => line.message)).toContain("[enfuce] onDrift threw; the call is not affected");
  });
});

/** The ResponseValidationError of a default-mode call: its result's `error`, with no `data`. */
async function resultError(call: Promise<{ readonly data?: unknown; readonly error?: unknown }>): Promise<Error> {
  const { data, error } = await call;
  expect(data).toBeUndefined();
  if (!(error instanceof Error)) throw new Error("expected the result's error to be an Error");
  return error;
}

describe('"error"', () => {
  test.each([
    ["the default result's error", false],
    ["throwOnError", true],
  ])("a mismatch fails the call with %s, naming the place and never the value", async (_, throwOnError) => {
    server.script("GET /items/item-1", reply.json(200, { id: 4111111111111111 }));
    const { client } = checked("error");

    const call = client.GET("/items/{itemId}", { ...getItem, throwOnError });
    const error = throwOnError ? await captureError(call) : await resultError(call);

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({
      method: "GET",
      path: "/items/{itemId}",
      status: 200,
      pointer: "/status",
      problems: [
        { field: "/status", message: "is required" },
        { field: "/id", message: "must be string" },
      ],
    });
    expect(error.message).toBe(
      "GET /items/{itemId}: 200 with a body that does not match the spec: /status is required (and 1 more) (1 attempt)",
    );
    expect(JSON.stringify(error)).not.toContain("4111111111111111");
  });

  test("unknown members and values are tolerated: reported, and the call succeeds", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1", status: "FROZEN", colour: "red" }));
    const { client, drifts } = checked("error");

    const { data, error } = await client.GET("/items/{itemId}", getItem);

    expect([data, error]).toEqual([{ id: "item-1", status: "FROZEN", colour: "red" }, undefined]);
    expect(drifts.map((drift) => drift.kind)).toEqual(["unknown-value", "unknown-member"]);
  });

  test("an answer without a body where one is documented is a mismatch; a documented empty answer is not", async () => {
    server.script("POST /items", reply.empty(201));
    server.script("DELETE /items/item-1", reply.empty(204));
    const { client } = checked("error");

    const error = await resultError(client.POST("/items", { body: { reference: "r" } }));
    const deleted = await client.DELETE("/items/{itemId}", getItem);

    expect(error).toMatchObject({ name: "ResponseValidationError", pointer: "" });
    expect(deleted.error).toBeUndefined();
  });

  test("the first call waits for the checks to load", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: 7 }));
    let finishLoading = (_checks: ResponseChecks) => {};
    const loading = new Promise<ResponseChecks>((resolve) => {
      finishLoading = resolve;
    });
    const { client } = checked("error", {}, () => loading);

    let settled = false;
    const call = resultError(client.GET("/items/{itemId}", getItem)).finally(() => {
      settled = true;
    });
    await vi.waitFor(() => expect(server.count("GET /items/item-1")).toBe(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    finishLoading(testResponseChecks);

    expect(await call).toBeInstanceOf(ResponseValidationError);
  });

  test("checks that cannot be loaded fail every call that needs them", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1", status: "OPEN" }));
    const { client } = checked("error", {}, () => Promise.reject(new Error("module not found")));

    const error = await captureError(client.GET("/items/{itemId}", getItem));

    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error.cause as Error).message).toBe("module not found");
  });

  test("a body read raw (parseAs), an error status and a call the spec does not know are not checked", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: 7 }));
    server.script("GET /items/item-2", reply.json(404, { id: 7 }));
    server.script("GET /v5/new", reply.json(200, { id: 7 }));
    const { client } = checked("error");

    expect((await client.GET("/items/{itemId}", { ...getItem, parseAs: "text" })).data).toBe('{"id":7}');
    expect((await client.GET("/items/{itemId}", { params: { path: { itemId: "item-2" } } })).error).toEqual({ id: 7 });
    expect((await client.request("GET", "/v5/new")).data).toEqual({ id: 7 });
  });

  test.each([false, true])("a call that fails validation is an error span (throwOnError: %s)", async (throwOnError) => {
    server.script("GET /items/item-1", reply.json(200, { id: 7 }));
    const recorder = recordSpans();
    const { client } = checked("error", { tracerProvider: recorder.provider, throwOnError });

    await (throwOnError ? captureError : resultError)(client.GET("/items/{itemId}", getItem));

    const call = recorder.spans().find((span) => span.kind === SpanKind.CLIENT);
    expect(call?.attributes["error.type"]).toBe("ResponseValidationError");
  });

  test("paginate() rejects with a page's ResponseValidationError", async () => {
    server.script("GET /items", reply.json(200, { data: [{ id: 1, status: "OPEN" }] }));
    const { client } = checked("error");

    const error = await captureError(client.paginate("/items").toArray());

    expect(error).toMatchObject({ name: "ResponseValidationError", pointer: "/data/0/id" });
  });
});

describe("options", () => {
  test.each([
    ["an unknown mode", { validateResponses: "strict" }, load, /validateResponses must be "off", "warn" or "error"/],
    ["onDrift that is no function", { validateResponses: "warn", onDrift: "log" }, load, /onDrift must be a function/],
    ["a mode without checks to load", { validateResponses: "warn" }, undefined, /needs the response checks/],
  ])("refuse %s", (_, options, loader, message) => {
    let error: unknown;
    try {
      connect(server.url, options as never, loader);
    } catch (thrown) {
      error = thrown;
      recordOutput(String(thrown));
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
  });
});
