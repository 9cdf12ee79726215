// The steps of the decision and acknowledgement routes, each on its own, without a server.
import { describe, expect, it } from "vitest";
import { ConfigurationError, type DecisionStore, type DeduplicationStore, type WebhookError } from "../src/index";
import {
  type Acknowledger,
  acknowledgementAnswer,
  acknowledgementOf,
  type ClaimFound,
  claimDelivery,
  claimResultOf,
  type Deduplication,
  settleClaim,
  unprocessedReply,
} from "../src/webhook/acknowledgement-route";
import { IN_PROGRESS, INTERNAL_ERROR, NOT_PROCESSED, STORE_UNAVAILABLE } from "../src/webhook/answers";
import { DeadlineQueue } from "../src/webhook/deadline";
import { checkFallback, type Decider, decisionAnswer, fallbackAnswer } from "../src/webhook/decision-route";
import { deliveryIdReader } from "../src/webhook/delivery-id";
import { failures } from "../src/webhook/failure";
import {
  type DecisionRouteFacts,
  type RetainedDecisions,
  recallDecision,
  retainDecision,
} from "../src/webhook/retained-decisions";
import type { Reply } from "../src/webhook/route";
import { deadlineOf } from "../src/webhook/route-options";
import { meta, validate } from "./support/webhook-meta";

const never = new Promise<never>(() => {});
const reasonsOf = (reported: WebhookError[]) => reported.map((error) => error.reason);

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
  const cause = new Error("x");
  it.each([
    [
      failures.handlerThrew("op", cause, "the fallback was sent"),
      "handler-threw",
      "the handler threw; the fallback was sent",
    ],
    [failures.handlerThrewLate("op", cause), "handler-threw", "the handler threw after the deadline"],
    [failures.deadlineMissed("op", 150, "no"), "deadline-missed", "the handler had not answered after 150 ms; no"],
    [
      failures.invalidAnswer("op", [], "x"),
      "invalid-answer",
      "the handler's answer does not match the response schema; x",
    ],
    [failures.fallbackThrew("op", cause), "fallback-failed", "the fallback threw; answered 500"],
    [
      failures.fallbackInvalid("op", []),
      "fallback-failed",
      "the fallback does not match the response schema; answered 500",
    ],
    [failures.storeFailed("op", cause, "y"), "store-failed", "the store failed; y"],
    [
      failures.storeMissed("op", "claim", { kind: "threw", error: cause }, 80, "y"),
      "store-failed",
      "the store failed; y",
    ],
    [
      failures.storeMissed("op", "claim", { kind: "deadline" }, 80, "y"),
      "store-failed",
      "the store had not answered claim() after 80 ms; y",
    ],
    [
      failures.storeMissed("op", "claim", { kind: "answered", value: 1 }, 80, "y"),
      "store-failed",
      "the store answered claim() with something it may not; y",
    ],
    [failures.internalError("op", cause), "internal-error", "the receiver failed; answered 500"],
  ])("%# names the reason and what the receiver did", (error, reason, message) => {
    expect(error).toMatchObject({ reason, message: `op: ${message}`, operationId: "op" });
  });
});

describe("decision route steps", () => {
  it("checkFallback accepts a valid decision or a function and refuses an invalid decision", () => {
    expect(() => checkFallback(meta(), validate, { code: "05" })).not.toThrow();
    expect(() => checkFallback(meta(), validate, () => ({}))).not.toThrow();
    expect(() => checkFallback(meta(), validate, { code: 5 })).toThrow(ConfigurationError);
  });

  it.each([
    ["a valid decision", { kind: "answered", value: { code: "00" } }, '{"code":"00"}', "handler", []],
    ["an invalid decision", { kind: "answered", value: { code: 0 } }, '{"code":"05"}', "fallback", ["invalid-answer"]],
    ["a throw", { kind: "threw", error: new Error("no") }, '{"code":"05"}', "fallback", ["handler-threw"]],
    ["a missed deadline", { kind: "deadline" }, '{"code":"05"}', "fallback", ["deadline-missed"]],
  ] as const)("decisionAnswer answers %s", (_, outcome, body, source, reasons) => {
    const { decider: steps, reported } = decider({ code: "05" });
    expect(decisionAnswer(steps, {}, outcome)).toEqual({ answer: { status: 200, body }, source });
    expect(reasonsOf(reported)).toEqual(reasons);
  });

  const failed: Reply = { answer: INTERNAL_ERROR, source: "internal-error" };
  it.each([
    ["a fixed decision", { code: "05" }, { answer: { status: 200, body: '{"code":"05"}' }, source: "fallback" }, []],
    [
      "a function of the request",
      (request: { id: string }) => ({ code: request.id }),
      { answer: { status: 200, body: '{"code":"r-1"}' }, source: "fallback" },
      [],
    ],
    [
      "a function that throws",
      () => {
        throw new Error("bug");
      },
      failed,
      ["fallback-failed"],
    ],
    ["a function that answers nonsense", () => ({ nope: true }), failed, ["fallback-failed"]],
  ])("fallbackAnswer sends %s, or 500 when the fallback fails", (_, fallback, reply, more) => {
    const { decider: steps, reported } = decider(fallback as Decider<unknown, unknown>["fallback"]);
    const failure = failures.deadlineMissed("testHook", 100, "the fallback was sent");
    expect(fallbackAnswer(steps, { id: "r-1" }, failure)).toEqual(reply);
    expect(reasonsOf(reported)).toEqual(["deadline-missed", ...more]);
  });
});

describe("decision store steps", () => {
  function route(store: DecisionStore, storeTimeoutMs = 20) {
    const reported: WebhookError[] = [];
    const facts: DecisionRouteFacts = {
      operationId: "testHook",
      successStatus: 200,
      deadlineMs: 1000,
      report: (error) => reported.push(error),
    };
    const decisions: RetainedDecisions = { store, storeTimeoutMs, queue: new DeadlineQueue() };
    return { facts, decisions, reported };
  }
  const recalled = (store: DecisionStore) => {
    const { facts, decisions, reported } = route(store);
    return new Promise<[Reply | undefined, string[]]>((resolve) =>
      recallDecision(facts, decisions, "a-1", performance.now(), (stored) => resolve([stored, reasonsOf(reported)])),
    );
  };
  const stored = (body: string): Reply => ({ answer: { status: 200, body }, source: "stored-decision" });

  it.each([
    ["a retained decision", () => '{"code":"00"}', stored('{"code":"00"}'), []],
    ["a retained decision, asynchronously", async () => '{"code":"00"}', stored('{"code":"00"}'), []],
    ["nothing for a new id", () => null, undefined, []],
    [
      "nothing when the store throws at once",
      () => {
        throw new Error("down");
      },
      undefined,
      ["store-failed"],
    ],
    ["nothing when the store throws", () => Promise.reject(new Error("down")), undefined, ["store-failed"]],
    ["nothing when the store is too slow", () => never, undefined, ["store-failed"]],
    [
      "nothing when the store answers something else than text",
      () => 42 as unknown as string,
      undefined,
      ["store-failed"],
    ],
  ])("recallDecision finds %s", async (_, recall, reply, reasons) => {
    expect(await recalled({ recall, retain: (_id, decision) => decision })).toEqual([reply, reasons]);
  });

  const own: Reply = { answer: { status: 200, body: '{"code":"05"}' }, source: "fallback" };
  const retained = (store: DecisionStore, reply = own) => {
    const { facts, decisions, reported } = route(store);
    return new Promise<[Reply, string[]]>((resolve) =>
      retainDecision(facts, decisions, "a-1", reply, performance.now(), (answered) =>
        resolve([answered, reasonsOf(reported)]),
      ),
    );
  };

  it.each([
    ["its own decision once retained", (_id: string, decision: string) => decision, own, []],
    ["the decision another instance retained first", async () => '{"code":"00"}', stored('{"code":"00"}'), []],
    ["its own decision when the store fails", () => Promise.reject(new Error("down")), own, ["store-failed"]],
    [
      "its own decision when the store throws at once",
      () => {
        throw new Error("down");
      },
      own,
      ["store-failed"],
    ],
    ["the decision retained first, from a store answering at once", () => '{"code":"00"}', stored('{"code":"00"}'), []],
    ["its own decision when the store is too slow", () => never, own, ["store-failed"]],
  ])("retainDecision answers %s", async (_, retain, reply, reasons) => {
    expect(await retained({ recall: () => undefined, retain }, own)).toEqual([reply, reasons]);
  });

  it("recallDecision and retainDecision call a store's methods on the store, as a class written with `this` needs", async () => {
    class ClassStore implements DecisionStore {
      readonly #kept = new Map<string, string>([["a-1", '{"code":"00"}']]);
      recall(id: string) {
        return this.#kept.get(id);
      }
      retain(id: string, decision: string) {
        return this.#kept.get(id) ?? decision;
      }
    }
    expect(await recalled(new ClassStore())).toEqual([stored('{"code":"00"}'), []]);
    expect(await retained(new ClassStore())).toEqual([stored('{"code":"00"}'), []]);
  });

  it("retainDecision keeps a 500 out of the store", async () => {
    const kept: string[] = [];
    const failed: Reply = { answer: INTERNAL_ERROR, source: "internal-error" };
    const store: DecisionStore = {
      recall: () => undefined,
      retain: (_id, decision) => {
        kept.push(decision);
        return decision;
      },
    };
    expect(await retained(store, failed)).toEqual([failed, []]);
    expect(kept).toEqual([]);
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
    expect(acknowledgementOf(ack, { id: "n-1" }, result)).toEqual({ answer: { status: 201, body }, source: "handler" });
    expect(reasonsOf(reported)).toEqual(reasons);
  });

  it("acknowledgementOf answers without a body where none is documented", () => {
    const { ack } = acknowledger({ validate: null });
    expect(acknowledgementOf(ack, { id: "n-1" }, { code: "x" }).answer).toEqual({ status: 201, body: "" });
  });

  it.each([
    ["a throw", { kind: "threw", error: new Error("no") }, "handler-threw"],
    ["a missed deadline", { kind: "deadline" }, "deadline-missed"],
  ] as const)("acknowledgementAnswer does not acknowledge %s", (_, outcome, reason) => {
    const { ack, reported } = acknowledger();
    expect(acknowledgementAnswer(ack, { id: "n-1" }, outcome)).toEqual({
      answer: NOT_PROCESSED,
      source: "not-processed",
    });
    expect(reasonsOf(reported)).toEqual([reason]);
  });

  it.each([
    ["handled", { answer: { status: 201, body: '{"code":"n-1"}' }, source: "duplicate" }],
    ["in-progress", { answer: IN_PROGRESS, source: "in-progress" }],
    ["unavailable", { answer: STORE_UNAVAILABLE, source: "store-unavailable" }],
  ] as const)("unprocessedReply answers a delivery found %s", (found, reply) => {
    expect(unprocessedReply(acknowledger().ack, { id: "n-1" }, found)).toEqual(reply);
  });

  it.each([
    [true, "claimed"],
    [false, "handled"],
    ["claimed", "claimed"],
    ["in-progress", "in-progress"],
    ["handled", "handled"],
    ["yes", undefined],
    [undefined, undefined],
  ])("claimResultOf reads %j as %j", (value, result) => {
    expect(claimResultOf(value)).toBe(result);
  });

  /** A store that records what it was asked, with `claim` as given. */
  function recordingStore(claim: DeduplicationStore["claim"]) {
    const calls: string[] = [];
    const store: DeduplicationStore = {
      claim: (id, { owner }) => {
        calls.push(`claim ${id} ${owner}`);
        return claim(id, { owner, leaseMs: 1 });
      },
      complete: (id, owner) => void calls.push(`complete ${id} ${owner}`),
      release: (id, owner) => void calls.push(`release ${id} ${owner}`),
    };
    return { store, calls };
  }
  const dedup = (store: DeduplicationStore, whenStoreFails: Deduplication["whenStoreFails"] = "answer-503") => ({
    store,
    leaseMs: 30_000,
    storeTimeoutMs: 20,
    whenStoreFails,
    queue: new DeadlineQueue(),
  });
  const claimed = (deduplication: Deduplication) => {
    const { ack, reported } = acknowledger();
    return new Promise<[ClaimFound, string[]]>((resolve) =>
      claimDelivery(ack, deduplication, { id: "n-1", owner: "o-1" }, performance.now(), (found) =>
        resolve([found, reasonsOf(reported)]),
      ),
    );
  };

  it.each([
    ["claimed", () => "claimed" as const, "claimed", []],
    ["in progress, asynchronously", async () => "in-progress" as const, "in-progress", []],
    ["handled, from a store of the earlier contract", () => false, "handled", []],
    [
      "unavailable when the store throws",
      () => {
        throw new Error("down");
      },
      "unavailable",
      ["store-failed"],
    ],
    ["unavailable when the store rejects", () => Promise.reject(new Error("down")), "unavailable", ["store-failed"]],
    ["unavailable when the store is too slow", () => never, "unavailable", ["store-failed"]],
    ["unavailable when the store answers nonsense", () => "maybe" as never, "unavailable", ["store-failed"]],
  ])("claimDelivery finds the id %s", async (_, claim, found, reasons) => {
    expect(await claimed(dedup(recordingStore(claim as DeduplicationStore["claim"]).store))).toEqual([found, reasons]);
  });

  it("claimDelivery and settleClaim call a store's methods on the store, as a class written with `this` needs", async () => {
    class ClassStore implements DeduplicationStore {
      readonly calls: string[] = [];
      claim(id: string, { owner }: { owner: string }) {
        this.calls.push(`claim ${id} ${owner}`);
        return "claimed" as const;
      }
      release(id: string, owner: string) {
        this.calls.push(`release ${id} ${owner}`);
      }
    }
    const store = new ClassStore();
    expect(await claimed(dedup(store))).toEqual(["claimed", []]);
    settleClaim(
      acknowledger().ack,
      dedup(store),
      { id: "n-1", owner: "o-1" },
      { kind: "threw", error: new Error("no") },
    );
    expect(store.calls).toEqual(["claim n-1 o-1", "release n-1 o-1"]);
  });

  it("claimDelivery releases a claim that lands after it gave up and answered 503", async () => {
    let land = (_: "claimed") => {};
    const { store, calls } = recordingStore(() => new Promise((resolve) => (land = resolve)));
    expect(await claimed(dedup(store))).toEqual(["unavailable", ["store-failed"]]);
    land("claimed");
    await expect.poll(() => calls).toEqual(["claim n-1 o-1", "release n-1 o-1"]);
  });

  it("claimDelivery keeps a late claim when the call processes anyway, for settleClaim to settle", async () => {
    let land = (_: "claimed") => {};
    const { store, calls } = recordingStore(() => new Promise((resolve) => (land = resolve)));
    expect(await claimed(dedup(store, "process-anyway"))).toEqual(["unavailable", ["store-failed"]]);
    land("claimed");
    // The late claim settles in promise reactions; one turn of the event loop runs them all.
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(["claim n-1 o-1"]);
  });

  it.each([
    ["marks the id handled after a success", { kind: "answered", value: undefined }, ["complete n-1 o-1"]],
    ["frees the id after a failure", { kind: "threw", error: new Error("no") }, ["release n-1 o-1"]],
    ["keeps the lease while late code may still finish", { kind: "deadline" }, []],
  ] as const)("settleClaim %s", (_, outcome, expected) => {
    const { store, calls } = recordingStore(() => "claimed");
    settleClaim(acknowledger().ack, dedup(store), { id: "n-1", owner: "o-1" }, outcome);
    expect(calls).toEqual(expected);
  });

  it("settleClaim reports a store that cannot record the outcome, and never throws", async () => {
    const { ack, reported } = acknowledger();
    const store: DeduplicationStore = {
      claim: () => "claimed",
      complete: () => Promise.reject(new Error("down")),
      release: () => {
        throw new Error("down");
      },
    };
    settleClaim(ack, dedup(store), { id: "n-1", owner: "o-1" }, { kind: "answered", value: undefined });
    settleClaim(ack, dedup(store), { id: "n-1", owner: "o-1" }, { kind: "threw", error: new Error("no") });
    await expect.poll(() => reasonsOf(reported)).toEqual(["store-failed", "store-failed"]);
  });
});

describe("delivery ids", () => {
  it.each([
    [{ id: "n-1" }, "n-1"],
    [{ id: 42 }, "42"],
    [{ id: { nested: true } }, undefined],
    [{}, undefined],
    [null, undefined],
    ["text", undefined],
  ])("a top-level member reads %j as %j", (payload, id) => {
    expect(deliveryIdReader(meta())(payload, {})).toBe(id);
  });

  it.each([
    [{ metadata: { id: "a-1" } }, "a-1"],
    [{ metadata: {} }, undefined],
    [{ metadata: ["a-1"] }, undefined],
    [{ id: "a-1" }, undefined],
  ])("a dotted path reads %j as %j", (payload, id) => {
    expect(deliveryIdReader(meta({ idField: "metadata.id" }))(payload, {})).toBe(id);
  });

  it("a path parameter is read from the call's parameters", () => {
    const read = deliveryIdReader(meta({ idField: null, idParameter: "sessionId" }));
    expect(read({ id: "ignored" }, { sessionId: "s-1" })).toBe("s-1");
    expect(read({}, {})).toBeUndefined();
  });

  it("refuses a webhook that documents no id", () => {
    expect(() => deliveryIdReader(meta({ idField: null }))).toThrow(/x-enfuce-id-field or x-enfuce-id-parameter/);
  });
});
