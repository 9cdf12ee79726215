// The steps of the decision and acknowledgement routes, each on its own, without a server.
import { describe, expect, it } from "vitest";
import { ConfigurationError, type WebhookError } from "../src/index";
import type { Acknowledger } from "../src/webhook/acknowledgement-route";
import { acknowledgementAnswer, acknowledgementOf, deliveryIdReader } from "../src/webhook/acknowledgement-route";
import { INTERNAL_ERROR, NOT_PROCESSED } from "../src/webhook/answers";
import { checkFallback, type Decider, decisionAnswer, fallbackAnswer } from "../src/webhook/decision-route";
import { failures } from "../src/webhook/failure";
import { deadlineOf } from "../src/webhook/route-options";
import { meta, validate } from "./support/webhook-meta";

function decider(fallback: Decider<unknown, unknown>["fallback"]) {
  const reported: WebhookError[] = [];
  const value: Decider<unknown, unknown> = {
    operationId: "testHook",
    successStatus: 200,
    validate,
    deadlineMs: 100,
    fallback,
    report: (error) => reported.push(error),
  };
  return { decider: value, reported };
}

describe("deadlineOf", () => {
  it.each([
    ["the default share of the documented limit", 1000, undefined, 800],
    ["an explicit deadline within the limit", 1000, 300, 300],
    ["an explicit deadline where the docs set none", null, 250, 250],
  ])("takes %s", (_, timeoutMs, deadlineMs, expected) => {
    expect(deadlineOf(meta({ timeoutMs }), deadlineMs)).toBe(expected);
  });

  it.each([
    ["no deadline where the docs set no limit", null, undefined, /deadlineMs is required/],
    ["a deadline beyond the documented limit", 1000, 1001, /must not exceed the 1000 ms/],
    ["zero", 1000, 0, /positive number/],
    ["NaN", null, Number.NaN, /positive number/],
  ])("refuses %s", (_, timeoutMs, deadlineMs, message) => {
    expect(() => deadlineOf(meta({ timeoutMs }), deadlineMs)).toThrow(message);
  });
});

describe("failures", () => {
  it.each([
    [
      failures.handlerThrew("op", new Error("x"), "the fallback was sent"),
      "handler-threw",
      "op: the handler threw; the fallback was sent",
    ],
    [failures.handlerThrewLate("op", new Error("x")), "handler-threw", "op: the handler threw after the deadline"],
    [
      failures.deadlineMissed("op", 150, "the call was not acknowledged"),
      "deadline-missed",
      "op: the handler had not answered after 150 ms; the call was not acknowledged",
    ],
    [
      failures.invalidAnswer("op", [], "the fallback was sent"),
      "invalid-answer",
      "op: the handler's answer does not match the response schema; the fallback was sent",
    ],
    [failures.fallbackThrew("op", new Error("x")), "fallback-failed", "op: the fallback threw; answered 500"],
    [
      failures.fallbackInvalid("op", []),
      "fallback-failed",
      "op: the fallback does not match the response schema; answered 500",
    ],
    [
      failures.storeFailed("op", new Error("x"), "the call was not acknowledged"),
      "store-failed",
      "op: the store failed; the call was not acknowledged",
    ],
    [failures.internalError("op", new Error("x")), "internal-error", "op: the receiver failed; answered 500"],
  ])("%# names the reason and what the receiver did", (error, reason, message) => {
    expect(error).toMatchObject({ reason, message, operationId: "op" });
  });
});

describe("decision route steps", () => {
  it("checkFallback accepts a valid decision or a function and refuses an invalid decision", () => {
    expect(() => checkFallback(meta(), validate, { code: "05" })).not.toThrow();
    expect(() => checkFallback(meta(), validate, () => ({}))).not.toThrow();
    expect(() => checkFallback(meta(), validate, { code: 5 })).toThrow(ConfigurationError);
  });

  it.each([
    ["a valid decision", { kind: "answered", value: { code: "00" } }, '{"code":"00"}', []],
    ["an invalid decision", { kind: "answered", value: { code: 0 } }, '{"code":"05"}', ["invalid-answer"]],
    ["a throw", { kind: "threw", error: new Error("no") }, '{"code":"05"}', ["handler-threw"]],
    ["a missed deadline", { kind: "deadline" }, '{"code":"05"}', ["deadline-missed"]],
  ] as const)("decisionAnswer answers %s", (_, outcome, body, reasons) => {
    const { decider: steps, reported } = decider({ code: "05" });
    expect(decisionAnswer(steps, {}, outcome)).toEqual({ status: 200, body });
    expect(reported.map((error) => error.reason)).toEqual(reasons);
  });

  it.each([
    ["a fixed decision", { code: "05" }, { status: 200, body: '{"code":"05"}' }, ["deadline-missed"]],
    [
      "a function of the request",
      (request: { id: string }) => ({ code: request.id }),
      { status: 200, body: '{"code":"r-1"}' },
      ["deadline-missed"],
    ],
    [
      "a function that throws",
      () => {
        throw new Error("bug");
      },
      INTERNAL_ERROR,
      ["deadline-missed", "fallback-failed"],
    ],
    [
      "a function that answers nonsense",
      () => ({ nope: true }),
      INTERNAL_ERROR,
      ["deadline-missed", "fallback-failed"],
    ],
  ])("fallbackAnswer sends %s, or 500 when the fallback fails", (_, fallback, answer, reasons) => {
    const { decider: steps, reported } = decider(fallback as Decider<unknown, unknown>["fallback"]);
    expect(
      fallbackAnswer(steps, { id: "r-1" }, failures.deadlineMissed("testHook", 100, "the fallback was sent")),
    ).toEqual(answer);
    expect(reported.map((error) => error.reason)).toEqual(reasons);
  });
});

describe("acknowledgement route steps", () => {
  function acknowledger(overrides: Partial<Acknowledger<{ id: string }>> = {}) {
    const reported: WebhookError[] = [];
    const value: Acknowledger<{ id: string }> = {
      operationId: "testHook",
      successStatus: 201,
      validate,
      deadlineMs: 100,
      store: undefined,
      acknowledgement: (request) => ({ code: request.id }),
      report: (error) => reported.push(error),
      ...overrides,
    };
    return { ack: value, reported };
  }

  it.each([
    ["the handler's valid body", { code: "mine" }, '{"code":"mine"}', []],
    ["the default body when the handler returns none", undefined, '{"code":"n-1"}', []],
    ["the default body, reported, when the handler's is invalid", { code: 1 }, '{"code":"n-1"}', ["invalid-answer"]],
  ])("acknowledgementOf answers with %s", (_, result, body, reasons) => {
    const { ack, reported } = acknowledger();
    expect(acknowledgementOf(ack, { id: "n-1" }, result)).toEqual({ status: 201, body });
    expect(reported.map((error) => error.reason)).toEqual(reasons);
  });

  it("acknowledgementOf answers without a body where none is documented", () => {
    const { ack } = acknowledger({ validate: null });
    expect(acknowledgementOf(ack, { id: "n-1" }, { code: "x" })).toEqual({ status: 201, body: "" });
  });

  it.each([
    ["a throw", { kind: "threw", error: new Error("no") }, "handler-threw"],
    ["a missed deadline", { kind: "deadline" }, "deadline-missed"],
  ] as const)("acknowledgementAnswer does not acknowledge %s", (_, outcome, reason) => {
    const { ack, reported } = acknowledger();
    expect(acknowledgementAnswer(ack, { id: "n-1" }, "n-1", outcome)).toBe(NOT_PROCESSED);
    expect(reported.map((error) => error.reason)).toEqual([reason]);
  });

  it.each([
    [{ id: "n-1" }, "n-1"],
    [{ id: 42 }, "42"],
    [{ id: { nested: true } }, undefined],
    [{}, undefined],
    [null, undefined],
    ["text", undefined],
  ])("deliveryIdReader reads %j as %j", (payload, id) => {
    expect(deliveryIdReader(meta())(payload)).toBe(id);
  });

  it("deliveryIdReader refuses a webhook that documents no id", () => {
    expect(() => deliveryIdReader(meta({ idField: null }))).toThrow(/x-enfuce-id-field/);
  });
});
