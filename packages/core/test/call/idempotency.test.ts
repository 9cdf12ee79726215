// The idempotency step on its own: which key is sent, and when a key is refused.
import { describe, expect, test } from "vitest";
import { applyIdempotencyKey, applyUnknownOperationKey } from "../../src/call/idempotency";
import { ConfigurationError } from "../../src/index";

const call = { method: "POST", path: "/transfers", operationId: "createTransfer" };
const UUID = /^[0-9a-f-]{36}$/;

describe("where the spec declares the header", () => {
  test.each([
    { name: "no key: one is generated", key: undefined, header: {}, headers: undefined, sent: UUID },
    { name: "idempotencyKey", key: "order-1", header: {}, headers: undefined, sent: "order-1" },
    {
      name: "in params.header",
      key: undefined,
      header: { "x-idempotency-key": "h-1" },
      headers: undefined,
      sent: "h-1",
    },
    { name: "in headers", key: undefined, header: {}, headers: { "X-Idempotency-Key": "h-2" }, sent: undefined },
    { name: "the same key twice", key: "k", header: { "x-idempotency-key": "k" }, headers: undefined, sent: "k" },
  ])("$name", ({ key, header, headers, sent }) => {
    const own: Record<string, unknown> = { ...header };

    expect(applyIdempotencyKey(call, "x-idempotency-key", key, own, headers)).toBe(true);
    if (sent instanceof RegExp) expect(own["x-idempotency-key"]).toMatch(sent);
    else expect(own["x-idempotency-key"]).toBe(sent);
  });

  test.each([
    { name: "two different keys", key: "a", header: { "x-idempotency-key": "b" }, headers: undefined },
    { name: "a key and a different header", key: "a", header: {}, headers: new Headers({ "x-idempotency-key": "b" }) },
    { name: "an empty key", key: "", header: {}, headers: undefined },
    { name: "a key that is no string", key: 42, header: {}, headers: undefined },
  ])("refuses $name", ({ key, header, headers }) => {
    expect(() => applyIdempotencyKey(call, "x-idempotency-key", key, { ...header }, headers)).toThrow(
      ConfigurationError,
    );
  });
});

describe("where the spec declares none", () => {
  test("a call without a key carries none and is not made repeatable", () => {
    const own = {};
    expect(applyIdempotencyKey(call, undefined, undefined, own, { accept: "application/json" })).toBe(false);
    expect(own).toEqual({});
  });

  test.each([
    { name: "idempotencyKey", key: "order-1", header: {}, headers: undefined, says: "idempotencyKey was given" },
    {
      name: "a header in params.header",
      key: undefined,
      header: { "X-IDEMPOTENCY-KEY": "h" },
      headers: undefined,
      says: "an x-idempotency-key header was given",
    },
    {
      name: "a header in headers",
      key: undefined,
      header: {},
      headers: [["x-idempotency-key", "h"]],
      says: "an x-idempotency-key header was given",
    },
  ])("refuses $name, naming the operation and the way out", ({ key, header, headers, says }) => {
    let error: unknown;
    try {
      applyIdempotencyKey(call, undefined, key, { ...header }, headers);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ method: "POST", path: "/transfers", operationId: "createTransfer" });
    expect((error as Error).message).toMatch(new RegExp(`^POST /transfers \\(createTransfer\\): ${says}`));
    expect((error as Error).message).toContain("`retry: true`");
  });
});

describe("where the spec does not know the operation (client.request)", () => {
  test.each([
    { name: "no key: none is generated", key: undefined, header: {}, headers: undefined, sent: undefined },
    { name: "idempotencyKey", key: "order-1", header: {}, headers: undefined, sent: "order-1" },
    {
      name: "a header of the caller's",
      key: undefined,
      header: { "X-Idempotency-Key": "h" },
      headers: undefined,
      sent: undefined,
    },
  ])("$name; the key never makes the call repeatable", ({ key, header, headers, sent }) => {
    const own: Record<string, unknown> = { ...header };

    expect(applyUnknownOperationKey(call, key, own, headers)).toBe(false);
    expect(own["x-idempotency-key"]).toBe(sent);
  });

  test.each([
    { name: "two different keys", key: "a", headers: { "x-idempotency-key": "b" } },
    { name: "an empty key", key: "", headers: undefined },
  ])("refuses $name", ({ key, headers }) => {
    expect(() => applyUnknownOperationKey(call, key, {}, headers)).toThrow(ConfigurationError);
  });
});
