import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError, FAILURE_REASONS, type WebhookError, type WebhookFailureReason } from "../src/index";
import { createLogSink } from "../src/log";
import { createCredentialCheck } from "../src/webhook/credentials";
import { DeadlineQueue } from "../src/webhook/deadline";
import { failures } from "../src/webhook/failure";
import { reporterOf } from "../src/webhook/receiver";

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

describe("webhook credentials", () => {
  const check = createCredentialCheck([
    { username: "enfuce", password: "old-secret" },
    { username: "enfuce", password: "new-secret" },
    { token: "bearer-token" },
  ]);

  it("accepts any configured credential, so a password can be rotated without downtime", () => {
    expect(check.accepts(basic("enfuce", "old-secret"))).toBe(true);
    expect(check.accepts(basic("enfuce", "new-secret"))).toBe(true);
    expect(check.accepts("Bearer bearer-token")).toBe(true);
  });

  it("refuses everything else, prefixes and extensions of a right value included", () => {
    for (const header of [
      undefined,
      "",
      basic("enfuce", "old-secre"),
      basic("enfuce", "old-secrets"),
      basic("Enfuce", "old-secret"),
      "Bearer bearer-toke",
      "Basic",
      "Basic ",
      "bearer-token",
      `Bearer ${basic("enfuce", "old-secret").slice(6)}`,
      `Basi ${basic("enfuce", "old-secret").slice(6)}`,
    ]) {
      expect(check.accepts(header)).toBe(false);
    }
  });

  it.each([
    ["in any case, with extra spaces after it", (header: string) => header.replace("Basic ", "BASIC   ")],
    ["in lower case, with a tab after its space", (header: string) => header.replace("Basic ", "basic \t")],
    ["with blanks after the credentials", (header: string) => `${header} \t`],
  ])("takes the scheme %s", (_, change) => {
    expect(check.accepts(change(basic("enfuce", "new-secret")))).toBe(true);
  });

  it.each([
    ["its scheme in upper case", (header: string) => header.replace("Basic ", "BASIC "), true],
    ["its scheme in mixed case", (header: string) => header.replace("Basic ", "bAsIc "), true],
    ["the first letter of its scheme changed", (header: string) => header.replace("Basic ", "Xasic "), false],
    ["a tab for its space", (header: string) => header.replace("Basic ", "Basic\t"), false],
    ["its last character changed", (header: string) => `${header.slice(0, -1)}!`, false],
    ["its first credential character in another case", (header: string) => header.replace(" Z", " z"), false],
    [
      "a second space for its last character",
      (header: string) => header.replace("Basic ", "Basic  ").slice(0, -1),
      false,
    ],
  ])("answers a header as long as the right one, with %s", (_, change, accepted) => {
    const header = change(basic("enfuce", "new-secret"));
    expect(header).toHaveLength(basic("enfuce", "new-secret").length);
    expect(check.accepts(header)).toBe(accepted);
  });

  it("matches a token with blanks around it as it did before the check read headers in place", () => {
    expect(createCredentialCheck({ token: " padded-token " }).accepts("Bearer padded-token")).toBe(true);
  });

  it("refuses to start without usable credentials", () => {
    expect(() => createCredentialCheck([])).toThrow(ConfigurationError);
    expect(() => createCredentialCheck({ username: "enfuce", password: "" })).toThrow(ConfigurationError);
  });
});

describe("deadline queue", () => {
  it("expires pending calls in deadline order, whatever order they came in, and skips settled ones", async () => {
    const queue = new DeadlineQueue();
    const expired: string[] = [];
    const now = performance.now();
    queue.add(now + 40, () => expired.push("late"));
    queue.add(now + 20, () => expired.push("early"));
    const settled = queue.add(now + 30, () => expired.push("settled"));
    expect(queue.settle(settled)).toBe(true);
    await expect.poll(() => expired).toEqual(["early", "late"]);
    expect(performance.now() - now).toBeGreaterThanOrEqual(39);
  });

  describe("over many calls, refilled and compacted", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    // Each case adds `calls` entries (every `outOfOrder`-th with an earlier deadline than the one
    // before it), settles those `settles` picks, then adds `more` (due `moreDueIn` after their
    // id, so a negative one comes before every pending call); at the deadlines exactly the
    // unsettled ones expire, earliest first, ties in the order they came.
    const cases = [
      {
        name: "all settled, queue emptied between calls",
        calls: 50,
        outOfOrder: 0,
        settles: () => true,
        more: 20,
        moreDueIn: 0,
      },
      {
        name: "a few left pending",
        calls: 300,
        outOfOrder: 7,
        settles: (i: number) => i % 13 !== 5,
        more: 40,
        moreDueIn: 0,
      },
      {
        name: "front settled past the compaction point",
        calls: 3000,
        outOfOrder: 11,
        settles: (i: number) => i < 2200 || i % 3 === 0,
        more: 500,
        moreDueIn: 0,
      },
      {
        name: "front settled, then calls due before every pending one",
        calls: 100,
        outOfOrder: 0,
        settles: (i: number) => i < 60,
        more: 5,
        moreDueIn: -500,
      },
      {
        name: "settled out of order",
        calls: 1500,
        outOfOrder: 5,
        settles: (i: number) => i % 2 === 1,
        more: 10,
        moreDueIn: 0,
      },
    ];
    it.each(cases)("$name", ({ calls, outOfOrder, settles, more, moreDueIn }) => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
      const queue = new DeadlineQueue();
      const start = performance.now();
      const expired: number[] = [];
      const expected: { id: number; at: number }[] = [];
      const entries: ReturnType<DeadlineQueue["add"]>[] = [];
      const deadlineOf = (id: number) => start + 1000 + id - (outOfOrder > 0 && id % outOfOrder === 0 ? 37 : 0);
      for (let id = 0; id < calls; id++) entries.push(queue.add(deadlineOf(id), () => expired.push(id)));
      entries.forEach((entry, id) => {
        if (settles(id)) expect(queue.settle(entry)).toBe(true);
        else expected.push({ id, at: deadlineOf(id) });
      });
      for (let id = calls; id < calls + more; id++) {
        const at = deadlineOf(id) + moreDueIn;
        queue.add(at, () => expired.push(id));
        expected.push({ id, at });
      }
      vi.advanceTimersByTime(1000 + calls + more);
      expected.sort((a, b) => a.at - b.at || a.id - b.id);
      expect(expired).toEqual(expected.map(({ id }) => id));
      for (const { id } of expected) {
        if (id < calls) expect(queue.settle(entries[id] as ReturnType<DeadlineQueue["add"]>)).toBe(false);
      }
    });
  });

  it("tells a call that settles after its deadline that it is late", async () => {
    const queue = new DeadlineQueue();
    let expired = false;
    const entry = queue.add(performance.now() + 5, () => {
      expired = true;
    });
    await expect.poll(() => expired).toBe(true);
    expect(queue.settle(entry)).toBe(false);
  });
});

describe("failure reports", () => {
  it("counts every failure, and reports store failures at most once a second per webhook", async () => {
    const told: WebhookError[] = [];
    const counts = Object.fromEntries(FAILURE_REASONS.map((reason) => [reason, 0])) as Record<
      WebhookFailureReason,
      number
    >;
    const sink = createLogSink(undefined, "off", (text) => text);
    const report = reporterOf((error) => told.push(error), sink, counts);
    for (let index = 0; index < 10; index++) report(failures.storeFailed("hookA", new Error("down"), "answered 503"));
    report(failures.storeFailed("hookB", new Error("down"), "answered 503"));
    report(failures.handlerThrew("hookA", new Error("no"), "answered 500"));
    report(failures.handlerThrew("hookA", new Error("no"), "answered 500"));
    await expect.poll(() => told.length).toBe(4);
    expect(told.map((error) => `${error.operationId} ${error.reason}`)).toEqual([
      "hookA store-failed",
      "hookB store-failed",
      "hookA handler-threw",
      "hookA handler-threw",
    ]);
    expect(counts).toMatchObject({ "store-failed": 11, "handler-threw": 2 });
  });
});
