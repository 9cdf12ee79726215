// Answers written once for values that can never change, and what counts as such a value.
import { describe, expect, it, vi } from "vitest";
import { validAnswer } from "../src/webhook/answers";
import { isDeeplyFrozen } from "../src/webhook/frozen";
import type { CompiledValidator } from "../src/webhook/types";

const frozen = <Value>(value: Value): Value => Object.freeze(value);

function cyclic() {
  const value: { self?: unknown } = {};
  value.self = value;
  return Object.freeze(value);
}

describe("isDeeplyFrozen", () => {
  it.each([
    ["a string", "00", true],
    ["null", null, true],
    ["a frozen object of primitives", frozen({ code: "00", amount: 1, final: true, note: null }), true],
    ["frozen objects and arrays all the way down", frozen({ data: frozen([frozen({ code: "00" })]) }), true],
    ["a frozen object without a prototype", frozen(Object.assign(Object.create(null), { code: "00" })), true],
    ["an object that is not frozen", { code: "00" }, false],
    ["a frozen object holding one that is not", frozen({ data: { code: "00" } }), false],
    ["a frozen array holding an object that is not", frozen([{ code: "00" }]), false],
    [
      "a frozen object with a getter",
      frozen(Object.defineProperty({}, "code", { get: () => "00", enumerable: true })),
      false,
    ],
    ["a frozen object with a toJSON method", frozen({ code: "00", toJSON: () => ({ code: "05" }) }), false],
    ["a frozen object holding a function", frozen({ code: "00", decide: () => "00" }), false],
    ["a frozen instance of a class", frozen(new (class Decision {})()), false],
    ["a frozen Date", frozen(new Date(0)), false],
    ["a frozen cycle", cyclic(), false],
  ])("%s: %s", (_, value, expected) => {
    expect(isDeeplyFrozen(value)).toBe(expected);
  });

  it("refuses a frozen array once arrays inherit a toJSON method, which could answer anything", () => {
    Object.defineProperty(Array.prototype, "toJSON", { value: () => [], configurable: true });
    try {
      expect(isDeeplyFrozen(frozen(["00"]))).toBe(false);
    } finally {
      Reflect.deleteProperty(Array.prototype, "toJSON");
    }
    expect(isDeeplyFrozen(frozen(["00"]))).toBe(true);
  });
});

describe("validAnswer", () => {
  const accepting = () => vi.fn((_: unknown) => true) as CompiledValidator & ReturnType<typeof vi.fn>;

  it("checks and writes a deeply frozen value once, answering the same text after", () => {
    const validate = accepting();
    const decision = frozen({ transactionData: frozen({ responseCode: "00" }) });
    const first = validAnswer(validate, 200, decision);
    const second = validAnswer(validate, 200, decision);
    expect(first).toEqual({ status: 200, body: '{"transactionData":{"responseCode":"00"}}' });
    expect(second).toBe(first);
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["an object that is not frozen", () => ({ transactionData: { responseCode: "00" } })],
    ["a frozen object holding one that is not", () => frozen({ transactionData: { responseCode: "00" } })],
  ])("checks and writes %s on every call, changes included", (_, make) => {
    const validate = accepting();
    const decision = make();
    expect(validAnswer(validate, 200, decision)).toMatchObject({ body: '{"transactionData":{"responseCode":"00"}}' });
    decision.transactionData.responseCode = "05";
    expect(validAnswer(validate, 200, decision)).toMatchObject({ body: '{"transactionData":{"responseCode":"05"}}' });
    expect(validate).toHaveBeenCalledTimes(2);
  });

  it("checks a frozen value again for another validator or status", () => {
    const decision = frozen({ code: "00" });
    const first = accepting();
    const second = accepting();
    validAnswer(first, 200, decision);
    expect(validAnswer(second, 200, decision)).toEqual({ status: 200, body: '{"code":"00"}' });
    expect(validAnswer(second, 201, decision)).toEqual({ status: 201, body: '{"code":"00"}' });
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 2]);
  });

  it("takes no more values once 64 were taken, so values frozen anew for every call cost nothing", async () => {
    vi.resetModules();
    const fresh = await import("../src/webhook/answers");
    const validate = accepting();
    const constants = Array.from({ length: 64 }, (_, index) => frozen({ code: index }));
    for (const value of constants) fresh.validAnswer(validate, 200, value);
    const late = frozen({ code: "late" });
    fresh.validAnswer(validate, 200, late);
    fresh.validAnswer(validate, 200, late);
    expect(validate).toHaveBeenCalledTimes(66);
    for (const value of constants) fresh.validAnswer(validate, 200, value);
    expect(validate).toHaveBeenCalledTimes(66);
  });

  it("never keeps a refusal: an invalid frozen value is checked and refused on every call", () => {
    const validate = vi.fn((_: unknown) => false) as CompiledValidator & ReturnType<typeof vi.fn>;
    const decision = frozen({ code: 5 });
    expect(Array.isArray(validAnswer(validate, 200, decision))).toBe(true);
    expect(Array.isArray(validAnswer(validate, 200, decision))).toBe(true);
    expect(validate.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
