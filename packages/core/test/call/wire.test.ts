// Which calls go straight to the connections, and what they send; the routes test proves the sent
// requests equal openapi-fetch's.
import { describe, expect, test } from "vitest";
import type { CallPlan } from "../../src/call/plan";
import { wireRequestOf, wireTargetOf } from "../../src/call/wire";
import { ConfigurationError } from "../../src/index";

const target = wireTargetOf("https://api.example/instalment", { Authorization: "Basic abc" });
const plan = (method: string, path: string, request: Record<string, unknown>) =>
  ({ method, path, operationId: "op", request: { parseAs: "text", params: {}, ...request } }) as unknown as CallPlan;

describe("through a Request instead", () => {
  test.each([
    { name: "a fetch option", request: { redirect: "manual" } },
    { name: "per-call middleware", request: { middleware: [{ onRequest() {} }] } },
    { name: "a per-call fetch", request: { fetch: () => undefined } },
    { name: "a per-call serializer", request: { querySerializer: () => "" } },
    { name: "a streamed answer", request: { parseAs: "stream" } },
    { name: "a binary answer", request: { parseAs: "arrayBuffer" } },
    { name: "a FormData body", request: { body: new FormData() } },
    { name: "a GET with a body (fetch refuses it)", method: "GET", request: { body: {} } },
    { name: "a path template without path parameters", path: "/v1/{id}", request: {} },
  ] as { name: string; method?: string; path?: string; request: Record<string, unknown> }[])(
    "$name",
    ({ method = "POST", path = "/v1", request }) => {
      expect(wireRequestOf(target, plan(method, path, request))).toBeUndefined();
    },
  );

  test("an option left undefined does not count", () => {
    expect(wireRequestOf(target, plan("GET", "/v1", { redirect: undefined }))).toBeDefined();
  });
});

describe("straight to the connections", () => {
  test("origin, base path, path, query, the client's and the default headers", () => {
    const request = { params: { path: { id: "a/b" }, query: { auditUser: "u", size: 5 } } };
    expect(wireRequestOf(target, plan("GET", "/v1/{id}", request))).toEqual({
      origin: "https://api.example",
      path: "/instalment/v1/a%2Fb?auditUser=u&size=5",
      method: "GET",
      headers: ["authorization", "Basic abc", "accept", "*/*", "user-agent", "node"],
      body: undefined,
    });
  });

  test("a JSON body gets openapi-fetch's Content-Type", () => {
    const wire = wireRequestOf(target, plan("POST", "/v1", { body: { a: 1 } }));
    expect(wire).toMatchObject({
      body: '{"a":1}',
      headers: expect.arrayContaining(["content-type", "application/json"]),
    });
  });

  test("a base URL without a path", () => {
    expect(wireTargetOf("http://127.0.0.1:8080", {})).toEqual({
      origin: "http://127.0.0.1:8080",
      basePath: "",
      headers: {},
    });
  });

  test("a bad path parameter is a ConfigurationError naming the call", () => {
    expect(() => wireRequestOf(target, plan("GET", "/v1/{id}", { params: { path: { id: ".." } } }))).toThrow(
      expect.objectContaining({ name: "ConfigurationError", method: "GET", path: "/v1/{id}", operationId: "op" }),
    );
    expect(() => wireRequestOf(target, plan("GET", "/v1/{id}", { params: { path: {} } }))).toThrow(ConfigurationError);
  });
});
