// OpenTelemetry spans of a receiver on a real server: one SERVER span per call to a webhook route,
// saying who answered, whether the deadline was missed and why your code failed; nothing secret.

import { type FaultServer, reply, startFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { basic, credentials, post, type RunningReceiver, serve } from "@enfuce-sdk/test-kit/webhook-receiver";
import { propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  acknowledgementRoute,
  automaticRoute,
  createMemoryDeduplicationStore,
  createWebhookHandler,
  decisionRoute,
  type WebhookRoute,
} from "../src/index";
import { connect } from "./support/harness";
import { exportedText, isChildOf, recordSpans, useContextManager } from "./support/spans";
import { meta } from "./support/webhook-meta";

const recorder = recordSpans();
let removeContextManager: () => void;
let enfuce: FaultServer;
const receivers: RunningReceiver[] = [];
beforeAll(async () => {
  removeContextManager = useContextManager();
  enfuce = await startFaultServer();
});
afterEach(async () => {
  recorder.reset();
  enfuce.clear();
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});
afterAll(async () => {
  removeContextManager();
  await enfuce.close();
});

const decide = meta({ operationId: "decide", path: "/decide" });
const warmUp = meta({ operationId: "warmUp", path: "/warm-up", validateResponse: null });
const notify = meta({ operationId: "notify", path: "/notify", validateResponse: null });

async function receiver(routes: readonly WebhookRoute[]): Promise<string> {
  const handler = createWebhookHandler({ credentials, tracerProvider: recorder.provider, onError: () => {} }, routes);
  const running = await serve(handler);
  receivers.push(running);
  return running.url;
}

/** The one SERVER span recorded; waits for it, since the answer may arrive before the span ends. */
async function serverSpan(): Promise<ReadableSpan> {
  await expect.poll(() => recorder.spans().filter((span) => span.kind === SpanKind.SERVER).length).toBe(1);
  return recorder.spans().find((span) => span.kind === SpanKind.SERVER) as ReadableSpan;
}

describe("webhook spans", () => {
  test("without a tracerProvider: nothing while no provider is registered, then the global provider's spans", async () => {
    const handler = createWebhookHandler({ credentials, onError: () => {} }, [
      decisionRoute(decide, { handle: () => ({ code: "00" }), fallback: { code: "05" } }),
    ]);
    const running = await serve(handler);
    receivers.push(running);
    try {
      expect((await post(running.url, "/decide", { body: { id: "a-1" } })).status).toBe(200);
      expect(recorder.spans()).toEqual([]);

      trace.setGlobalTracerProvider(recorder.provider);
      expect((await post(running.url, "/decide", { body: { id: "a-2" } })).status).toBe(200);
      expect((await serverSpan()).name).toBe("POST /decide");
    } finally {
      trace.disable();
    }
  });

  test("a decision your handler gave: route, status, answered by the handler, deadline kept", async () => {
    const url = await receiver([decisionRoute(decide, { handle: () => ({ code: "00" }), fallback: { code: "05" } })]);

    expect((await post(url, "/decide", { body: { id: "a-1" } })).status).toBe(200);

    const span = await serverSpan();
    expect(span.name).toBe("POST /decide");
    expect(span.attributes).toEqual({
      "http.request.method": "POST",
      "http.route": "/decide",
      "enfuce.operation_id": "decide",
      "enfuce.webhook.answered_by": "handler",
      "enfuce.webhook.deadline_missed": false,
      "http.response.status_code": 200,
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  test.each([
    ["throws", () => Promise.reject(new Error("bug")), "handler-threw", false],
    ["answers something invalid", () => ({ code: 0 }), "invalid-answer", false],
    ["misses the deadline", () => new Promise(() => {}), "deadline-missed", true],
  ])("when your handler %s, the fallback answered", async (_, handle, failure, missed) => {
    const url = await receiver([decisionRoute(decide, { handle, fallback: { code: "05" }, deadlineMs: 50 })]);

    expect((await post(url, "/decide", { body: { id: "a-1" } })).json).toEqual({ code: "05" });

    expect((await serverSpan()).attributes).toMatchObject({
      "enfuce.webhook.answered_by": "fallback",
      "enfuce.webhook.failure": failure,
      "enfuce.webhook.deadline_missed": missed,
      "http.response.status_code": 200,
    });
  });

  test("a warm-up call is answered by the receiver itself", async () => {
    const url = await receiver([automaticRoute(warmUp)]);

    await post(url, "/warm-up", { body: {} });

    expect((await serverSpan()).attributes).toMatchObject({ "enfuce.webhook.answered_by": "warm-up" });
  });

  test("a redelivery is answered by the deduplication; a failed acknowledgement is a 500 and an error", async () => {
    let calls = 0;
    const url = await receiver([
      acknowledgementRoute(notify, {
        deduplication: { store: createMemoryDeduplicationStore() },
        handle: () => {
          calls++;
          if (calls > 1) throw new Error("bug");
        },
      }),
    ]);

    await post(url, "/notify", { body: { id: "n-1" } });
    expect((await serverSpan()).attributes).toMatchObject({ "enfuce.webhook.answered_by": "handler" });
    recorder.reset();
    await post(url, "/notify", { body: { id: "n-1" } });
    expect((await serverSpan()).attributes).toMatchObject({ "enfuce.webhook.answered_by": "duplicate" });
    recorder.reset();

    expect((await post(url, "/notify", { body: { id: "n-2" } })).status).toBe(500);
    const failed = await serverSpan();
    expect(failed.attributes).toMatchObject({
      "enfuce.webhook.answered_by": "not-processed",
      "enfuce.webhook.failure": "handler-threw",
      "http.response.status_code": 500,
      "error.type": "500",
    });
    expect(failed.status.code).toBe(SpanStatusCode.ERROR);
  });

  test("a refused call has its span too; a path that is no webhook has none", async () => {
    const url = await receiver([automaticRoute(warmUp)]);

    expect((await post(url, "/warm-up", { body: {}, authorization: null })).status).toBe(401);
    const refused = await serverSpan();
    expect(refused.attributes).toMatchObject({ "http.response.status_code": 401 });
    expect(refused.attributes).not.toHaveProperty("enfuce.webhook.answered_by");
    expect(refused.status.code).toBe(SpanStatusCode.UNSET);

    recorder.reset();
    expect((await post(url, "/elsewhere", { body: {} })).status).toBe(404);
    expect(recorder.spans()).toEqual([]);
  });

  test("your handler runs inside the span: the client calls it makes are its children", async () => {
    enfuce.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
    const { client } = connect(enfuce.url, { tracerProvider: recorder.provider });
    const url = await receiver([
      decisionRoute(decide, {
        handle: async () => {
          await client.GET("/items/{itemId}", { params: { path: { itemId: "item-1" } } });
          return { code: "00" };
        },
        fallback: { code: "05" },
        // The whole documented limit: on a loaded machine the call must still finish inside the handler.
        deadlineMs: 1000,
      }),
    ]);

    await post(url, "/decide", { body: { id: "a-1" } });

    const server = await serverSpan();
    await expect.poll(() => recorder.spans().some((span) => span.kind === SpanKind.CLIENT)).toBe(true);
    const call = recorder.spans().find((span) => span.kind === SpanKind.CLIENT) as ReadableSpan;
    expect(isChildOf(call, server)).toBe(true);
  });

  test("a trace context sent with the call is the span's parent, with the propagator you registered", async () => {
    const url = await receiver([automaticRoute(warmUp)]);
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());

    await post(url, "/warm-up", { body: {}, headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    propagation.disable();

    const span = await serverSpan();
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
  });

  test("the fetch adapter traces the same way", async () => {
    const handler = createWebhookHandler({ credentials, tracerProvider: recorder.provider }, [automaticRoute(warmUp)]);

    const response = await handler.fetch(
      new Request("http://127.0.0.1/warm-up", {
        method: "POST",
        headers: { authorization: basic(credentials), "content-type": "application/json" },
        body: "{}",
      }),
    );

    expect(response.status).toBe(200);
    expect((await serverSpan()).attributes).toMatchObject({
      "http.route": "/warm-up",
      "enfuce.webhook.answered_by": "warm-up",
      "http.response.status_code": 200,
    });
  });

  test("no credential or payload value in any span", async () => {
    const secretValue = "payload-value-4111111111111111";
    const url = await receiver([
      decisionRoute(decide, { handle: () => Promise.reject(new Error(secretValue)), fallback: { code: "05" } }),
    ]);

    await post(url, "/decide", { body: { id: secretValue } });
    await post(url, "/decide", { body: { id: secretValue }, authorization: basic({ ...credentials, password: "x" }) });

    await expect.poll(() => recorder.spans().length).toBe(2);
    const text = exportedText(recorder.spans());
    for (const secret of [secretValue, credentials.password, basic(credentials).slice(6)]) {
      expect(text).not.toContain(secret);
    }
  });
});
