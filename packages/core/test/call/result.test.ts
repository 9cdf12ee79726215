// The parsing step: what a final answer resolves to, in both modes.
import { describe, expect, test } from "vitest";
import { FetchAnswer } from "../../src/call/answer";
import type { CallPlan } from "../../src/call/plan";
import { requestIdOf, resultOf } from "../../src/call/result";
import { NotFoundError, RawErrorBody, ResponseParseError } from "../../src/index";

const plan = (throws: boolean, parseAs?: CallPlan["parseAs"]) =>
  ({ method: "GET", path: "/items/{itemId}", throws, parseAs }) as CallPlan;
const answer = (status: number, body: unknown, contentType?: string, key: "data" | "error" = "data") =>
  new FetchAnswer({
    [key]: body,
    response: new Response(null, { status, headers: contentType ? { "content-type": contentType } : {} }),
  });
const same = (text: string) => text;

describe("a 2xx", () => {
  test.each([
    { name: "JSON", body: '{"id":"a"}', type: "application/json", data: { id: "a" } },
    { name: "undeclared JSON", body: '{"id":"a"}', type: undefined, data: { id: "a" } },
    { name: "an empty body", body: "", type: "application/json", data: undefined },
    { name: "no body", body: undefined, type: undefined, data: undefined },
    { name: "text", body: "OK", type: "text/plain", data: "OK" },
  ])("$name: data", ({ body, type, data }) => {
    expect(resultOf(plan(true), answer(200, body, type), 1, undefined, same)).toEqual(data);
    expect(resultOf(plan(false), answer(200, body, type), 2, "r-1", same)).toEqual({
      data,
      response: expect.any(Response),
      attempts: 2,
      requestId: "r-1",
    });
  });

  test.each([
    { name: "declared JSON", type: "application/json" },
    { name: "undeclared", type: undefined },
  ])("$name that does not parse: ResponseParseError in both modes", ({ type }) => {
    for (const throws of [true, false]) {
      expect(() => resultOf(plan(throws), answer(200, "{oops", type), 1, "r-2", same)).toThrow(ResponseParseError);
    }
  });

  test("with the caller's parseAs, the body is what openapi-fetch read", () => {
    const stream = new ReadableStream();
    expect(resultOf(plan(true, "stream"), answer(200, stream), 1, undefined, same)).toBe(stream);
  });
});

describe("any other status", () => {
  test("default mode: error set, data unset", () => {
    const result = resultOf(plan(false), answer(404, undefined, undefined, "error"), 1, "r-3", same);
    expect(result).toEqual({
      error: new RawErrorBody(404, undefined, ""),
      response: expect.any(Response),
      attempts: 1,
      requestId: "r-3",
    });
    expect(result).not.toHaveProperty("data");
  });

  test("throwOnError: the status's class with the same body and the request id", () => {
    expect(() =>
      resultOf(plan(true), answer(404, { message: "gone" }, "application/json", "error"), 1, "r-4", same),
    ).toThrow(expect.objectContaining({ name: "NotFoundError", body: { message: "gone" }, requestId: "r-4" }));
    expect(() => resultOf(plan(true), answer(404, "", undefined, "error"), 1, undefined, same)).toThrow(NotFoundError);
  });
});

describe("requestIdOf", () => {
  test.each([
    { headers: { "x-request-id": "a" }, id: "a" },
    { headers: { "x-correlation-id": "b" }, id: "b" },
    { headers: { "request-id": "c" }, id: "c" },
    { headers: { "x-request-id": "a", "request-id": "c" }, id: "a" },
    { headers: { "x-request-id": "z".repeat(500) }, id: "z".repeat(200) },
    { headers: {}, id: undefined },
  ] as { headers: Record<string, string>; id: string | undefined }[])("$headers", ({ headers, id }) => {
    expect(requestIdOf(new FetchAnswer({ response: new Response(null, { headers }) }))).toBe(id);
  });
});
