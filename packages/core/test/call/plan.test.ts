// The options, audit-user and idempotency steps together: what a call plans before it sends.
import { describe, expect, test } from "vitest";
import { queryWithAuditUser } from "../../src/call/audit-user";
import { planCall } from "../../src/call/plan";
import { resolveConfig } from "../../src/options";
import { testSpec } from "../support/test-api";

const config = resolveConfig(
  {
    credentials: { username: "u", password: "p" },
    auditUser: "backoffice",
    baseUrl: "http://127.0.0.1:9",
    maxRetries: 4,
    timeout: 1000,
  },
  testSpec,
);
const meta = (key: keyof typeof testSpec.operations) => testSpec.operations[key];

describe("options: the call's own over the client's", () => {
  test.each([
    { init: {}, expected: { maxRetries: 4, timeout: 1000, throws: false } },
    { init: { maxRetries: 0 }, expected: { maxRetries: 0, timeout: 1000, throws: false } },
    { init: { timeout: 5 }, expected: { maxRetries: 4, timeout: 5, throws: false } },
    { init: { throwOnError: true }, expected: { maxRetries: 4, timeout: 1000, throws: true } },
  ])("$init", ({ init, expected }) => {
    expect(planCall(config, meta("GET /items"), "GET", "/items", init)).toMatchObject(expected);
  });

  test.each([{ maxRetries: 11 }, { maxRetries: 1.5 }, { timeout: 0 }, { timeout: Number.NaN }])(
    "refuses %o, naming the call",
    (init) => {
      expect(() => planCall(config, meta("GET /items"), "GET", "/items", init)).toThrow(
        expect.objectContaining({
          name: "ConfigurationError",
          method: "GET",
          path: "/items",
          operationId: "listItems",
        }),
      );
    },
  );
});

describe("safe to repeat", () => {
  test.each([
    { key: "GET /items/{itemId}", init: {}, safe: true },
    { key: "POST /items", init: {}, safe: false },
    { key: "POST /items", init: { retry: true }, safe: true },
    { key: "POST /payments", init: {}, safe: true },
    { key: "POST /payments", init: { retry: false }, safe: false },
  ] as const)("$key with $init: $safe", ({ key, init, safe }) => {
    const [method, path] = key.split(" ") as [string, string];
    expect(planCall(config, meta(key), method, path, init).safeToRepeat).toBe(safe);
  });

  test("an operation the spec does not know (client.request) sends the caller's key, which proves nothing", () => {
    const plan = planCall(config, undefined, "POST", "/unknown", { idempotencyKey: "k" });
    expect(plan.request.params).toMatchObject({ header: { "x-idempotency-key": "k" } });
    expect(plan.safeToRepeat).toBe(false);
    expect(planCall(config, undefined, "POST", "/unknown", { idempotencyKey: "k", retry: true }).safeToRepeat).toBe(
      true,
    );
  });
});

describe("the request handed to openapi-fetch", () => {
  test("carries the query with the audit user, the header with the key, and reads the body as text", () => {
    const plan = planCall(config, meta("POST /payments"), "POST", "/payments", {
      body: { amount: 1 },
      idempotencyKey: "k-1",
      params: { query: { extra: 1 } },
    });

    expect(plan.request).toEqual({
      body: { amount: 1 },
      params: { query: { auditUser: "backoffice", extra: 1 }, header: { "x-idempotency-key": "k-1" } },
      parseAs: "text",
    });
  });

  test("leaves the caller's init untouched", () => {
    const init = { params: { query: { size: 1 }, header: {} } };
    planCall(config, meta("POST /payments"), "POST", "/payments", init);
    expect(init).toEqual({ params: { query: { size: 1 }, header: {} } });
  });

  test("keeps the caller's parseAs and remembers it", () => {
    const plan = planCall(config, meta("GET /items"), "GET", "/items", { parseAs: "stream" });
    expect(plan).toMatchObject({ parseAs: "stream", request: { parseAs: "stream" } });
  });
});

describe("queryWithAuditUser", () => {
  test.each([
    { name: "adds the client's", meta: {}, query: undefined, expected: { auditUser: "a" } },
    { name: "the call's own wins", meta: {}, query: { auditUser: "b" }, expected: { auditUser: "b" } },
    { name: "none where the operation takes none", meta: { auditUser: false }, query: { x: 1 }, expected: { x: 1 } },
    { name: "an unknown operation gets it", meta: undefined, query: {}, expected: { auditUser: "a" } },
  ] as const)("$name", ({ meta: operation, query, expected }) => {
    const meta = operation === undefined ? undefined : { operationId: "op", ...operation };
    expect(queryWithAuditUser(meta, "a", query)).toEqual(expected);
  });
});
