// OpenTelemetry spans of client calls, from a real SDK against the fault server: one CLIENT span per
// call, one child per attempt, the HTTP semantic-convention attributes, and nothing secret.

import { type FaultServer, reply, startFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { credentials, findLeaks, secrets } from "@enfuce-sdk/test-kit/leak-watch";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AlwaysOffSampler, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ConfigurationError } from "../src/index";
import { captureError, connect } from "./support/harness";
import { exportedText, idOf, isChildOf, recordSpans, useContextManager } from "./support/spans";

let server: FaultServer;
let removeContextManager: () => void;
const recorder = recordSpans();
beforeAll(async () => {
  server = await startFaultServer();
  removeContextManager = useContextManager();
});
afterEach(() => {
  server.clear();
  recorder.reset();
  trace.disable();
});
afterAll(async () => {
  removeContextManager();
  await server.close();
});

const traced = (options: Record<string, unknown> = {}) =>
  connect(server.url, { tracerProvider: recorder.provider, ...options }).client;
const getItem = { params: { path: { itemId: "item-1" } } };

/** The call's span (the one without a parent among the SDK's spans) and its attempts, in order. */
function callAndAttempts(spans: readonly ReadableSpan[] = recorder.spans()) {
  const calls = spans.filter((span) => span.kind === SpanKind.CLIENT);
  expect(calls).toHaveLength(1);
  const call = calls[0] as ReadableSpan;
  const attempts = spans.filter((span) => isChildOf(span, call));
  return { call, attempts };
}

describe("client spans", () => {
  test("a call is one CLIENT span named after its method and path template, with one child per attempt", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1" }, { "x-request-id": "req-7" }));

    await traced().GET("/items/{itemId}", getItem);

    const { call, attempts } = callAndAttempts();
    expect(call.name).toBe("GET /items/{itemId}");
    expect(call.instrumentationScope.name).toBe("@enfuce-sdk/core");
    expect(call.attributes).toEqual({
      "http.request.method": "GET",
      "url.template": "/items/{itemId}",
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(server.url).port),
      "enfuce.domain": "test",
      "enfuce.operation_id": "getItem",
      "http.response.status_code": 200,
      "enfuce.request_id": "req-7",
    });
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ name: "GET /items/{itemId}", kind: SpanKind.INTERNAL });
    expect(attempts[0]?.attributes).toMatchObject({
      "http.response.status_code": 200,
      "url.template": "/items/{itemId}",
    });
    expect(attempts[0]?.attributes).not.toHaveProperty("http.request.resend_count");
  });

  test("each retry is a child of the call with its resend count; the call carries the last answer", async () => {
    server.script("GET /items/item-1", reply.json(503), reply.json(502), reply.json(200, { id: "item-1" }));

    await traced().GET("/items/{itemId}", getItem);

    const { call, attempts } = callAndAttempts();
    expect(attempts.map((span) => span.attributes["http.request.resend_count"])).toEqual([undefined, 1, 2]);
    expect(attempts.map((span) => span.attributes["http.response.status_code"])).toEqual([503, 502, 200]);
    expect(attempts.map((span) => span.attributes["error.type"])).toEqual(["503", "502", undefined]);
    expect(attempts.map((span) => span.status.code)).toEqual([
      SpanStatusCode.ERROR,
      SpanStatusCode.ERROR,
      SpanStatusCode.UNSET,
    ]);
    expect(call.attributes).toMatchObject({ "http.request.resend_count": 2, "http.response.status_code": 200 });
    expect(call.attributes).not.toHaveProperty("error.type");
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    // Attempts follow each other inside the call: the waits are the gaps between them.
    const starts = attempts.map((span) => span.startTime[0] * 1e9 + span.startTime[1]);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  test.each([
    ["an error status (result)", false],
    ["an error status (throwOnError)", true],
  ])("%s sets error.type to the status and the span status to ERROR", async (_, throwOnError) => {
    server.script("GET /items/item-1", reply.json(404, { message: "no such item" }));

    const call = traced().GET("/items/{itemId}", { ...getItem, throwOnError });
    if (throwOnError) await captureError(call);
    else await call;

    const { call: span } = callAndAttempts();
    expect(span.attributes).toMatchObject({ "http.response.status_code": 404, "error.type": "404" });
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
  });

  test("a connection that fails on every attempt: error.type names the error class, on each attempt and the call", async () => {
    server.script("GET /items/item-1", reply.resetBeforeHeaders());

    await captureError(traced().GET("/items/{itemId}", getItem));

    const { call, attempts } = callAndAttempts();
    expect(attempts.map((span) => span.attributes["error.type"])).toEqual([
      "ConnectionError",
      "ConnectionError",
      "ConnectionError",
    ]);
    expect(call.attributes).toMatchObject({ "error.type": "ConnectionError", "http.request.resend_count": 2 });
    expect(call.attributes).not.toHaveProperty("http.response.status_code");
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
  });

  test("a timeout and an unparsable answer name their error classes", async () => {
    server.script("GET /items/item-1", reply.delay(1000));
    await captureError(traced().GET("/items/{itemId}", { ...getItem, timeout: 50, maxRetries: 0 }));
    expect(callAndAttempts().call.attributes["error.type"]).toBe("TimeoutError");

    recorder.reset();
    server.script("GET /items/item-1", reply.text(200, "{not json", "application/json"));
    await captureError(traced().GET("/items/{itemId}", getItem));
    const { call } = callAndAttempts();
    expect(call.attributes).toMatchObject({ "error.type": "ResponseParseError", "http.response.status_code": 200 });
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
  });

  test("a call made while a span of yours is active is its child", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
    const tracer = recorder.provider.getTracer("app");

    await tracer.startActiveSpan("checkout", async (parent) => {
      await traced().GET("/items/{itemId}", getItem);
      parent.end();
    });

    const spans = recorder.spans();
    const checkout = spans.find((span) => span.name === "checkout") as ReadableSpan;
    const { call } = callAndAttempts(spans);
    expect(isChildOf(call, checkout)).toBe(true);
  });

  test("without a tracerProvider, the spans go to OpenTelemetry's global provider", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
    const { client } = connect(server.url);
    trace.setGlobalTracerProvider(recorder.provider);

    await client.GET("/items/{itemId}", getItem);

    expect(callAndAttempts().call.name).toBe("GET /items/{itemId}");
  });

  test("nothing is recorded without a provider, or when the trace is not sampled", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
    const unsampled = recordSpans(new AlwaysOffSampler());

    const { data } = await connect(server.url).client.GET("/items/{itemId}", getItem);
    await traced({ tracerProvider: unsampled.provider }).GET("/items/{itemId}", getItem);

    expect(data).toEqual({ id: "item-1" });
    expect([...recorder.spans(), ...unsampled.spans()]).toEqual([]);
  });

  test("tracerProvider must be a tracer provider", () => {
    expect(() => connect(server.url, { tracerProvider: {} as never })).toThrow(ConfigurationError);
  });
});

describe("nothing secret in a span", () => {
  test("no credential, audit user, path or query value, header or body in any name, attribute, event or status", async () => {
    const auditUser = "audit-person-7f3a";
    const reference = "body-value-4111111111111111";
    const itemId = "path-value-9c2e";
    const filter = "query-value-b81d";
    const idempotencyKey = "idempotency-value-5e0c";
    server.script("GET /items", reply.json(503), reply.json(200, { data: [] }));
    server.script("POST /payments", reply.json(500), reply.json(201, { id: "p-1", amount: 1 }));
    server.script(`PATCH /items/${itemId}`, reply.json(400, { message: `bad ${reference}` }));
    server.script(`GET /items/${itemId}`, reply.resetBeforeHeaders());
    const client = traced({ auditUser });

    await client.GET("/items", { params: { query: { filter, size: 5 } } });
    await client.POST("/payments", { body: { amount: 1 }, idempotencyKey });
    await client.PATCH("/items/{itemId}", { params: { path: { itemId } }, body: { reference } });
    await captureError(client.GET("/items/{itemId}", { params: { path: { itemId } } }));

    const text = exportedText(recorder.spans());
    expect(recorder.spans().length).toBeGreaterThanOrEqual(9);
    expect(
      findLeaks([text], [...secrets, credentials.username, auditUser, reference, itemId, filter, idempotencyKey]),
    ).toEqual([]);
    expect(text).not.toContain("?");
  });
});

test("spans of one call share its trace, and separate calls make separate traces", async () => {
  server.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
  const client = traced();

  await client.GET("/items/{itemId}", getItem);
  await client.GET("/items/{itemId}", getItem);

  const calls = recorder.spans().filter((span) => span.kind === SpanKind.CLIENT);
  expect(new Set(calls.map((span) => span.spanContext().traceId)).size).toBe(2);
  expect(new Set(calls.map(idOf)).size).toBe(2);
});
