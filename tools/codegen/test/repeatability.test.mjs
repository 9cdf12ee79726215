// The README tables of which calls are retried: the same answers as the core's retry policy, one
// row per client operation, and generated blocks that leave the hand-written text around them alone.
import { describe, expect, it } from "vitest";
import { isSafeToRepeat } from "../../../packages/core/src/retry.ts";
import { blockEnd, blockStart, replaceBlock } from "../src/blocks.mjs";
import { renderRepeatabilityTable, repeatabilityOf, repeatabilityRows } from "../src/repeatability.mjs";
import { METHODS } from "../src/walk.mjs";

describe("repeatabilityOf", () => {
  const cases = METHODS.filter((method) => method !== "trace").flatMap((method) => [
    { method, header: undefined },
    { method, header: "x-idempotency-key" },
  ]);

  it.each(cases)("$method with header $header says what the core does", ({ method, header }) => {
    const { repeated } = repeatabilityOf(method, { idempotencyHeader: header });
    expect(repeated).toBe(isSafeToRepeat(method.toUpperCase(), header !== undefined, undefined));
  });

  it.each([
    { method: "get", header: undefined, why: "`GET` only reads" },
    { method: "delete", header: undefined, why: "`DELETE` is idempotent: a second one has no further effect" },
    {
      method: "post",
      header: "x-idempotency-key",
      why: "the spec declares `x-idempotency-key`; every attempt sends the same key",
    },
    { method: "patch", header: undefined, why: expect.stringContaining("`retry: true`") },
  ])("$method, header $header: the reason", ({ method, header, why }) => {
    expect(repeatabilityOf(method, { idempotencyHeader: header }).why).toEqual(why);
  });
});

const doc = {
  paths: {
    "/transfers": {
      post: { operationId: "createTransfer", parameters: [] },
      get: { operationId: "listTransfers", parameters: [{ in: "query", name: "auditUser" }] },
    },
    "/cards": {
      post: {
        operationId: "createCard",
        parameters: [{ $ref: "#/components/parameters/Key" }],
      },
    },
  },
  webhooks: { "card-event": { post: { operationId: "onCardEvent" } } },
  components: { parameters: { Key: { in: "header", name: "x-idempotency-key" } } },
};

describe("repeatabilityRows", () => {
  it("lists every client operation, not the webhooks, with its header", () => {
    expect(
      repeatabilityRows(doc).map(({ method, path, repeated, header }) => ({ method, path, repeated, header })),
    ).toEqual([
      { method: "get", path: "/transfers", repeated: true, header: undefined },
      { method: "post", path: "/transfers", repeated: false, header: undefined },
      { method: "post", path: "/cards", repeated: true, header: "x-idempotency-key" },
    ]);
  });

  it("renders one table row per operation", () => {
    const table = renderRepeatabilityTable(doc);
    expect(table).toContain("| `POST /transfers` (`createTransfer`) | **no** |");
    expect(table).toContain("| `POST /cards` (`createCard`) | yes | the spec declares `x-idempotency-key`");
    expect(table).not.toContain("onCardEvent");
  });
});

describe("replaceBlock", () => {
  it("appends a missing block under its heading", () => {
    expect(replaceBlock("# Title\n", "retries", "table", "Retries")).toBe(
      `# Title\n\n## Retries\n\n${blockStart("retries")}\ntable\n${blockEnd("retries")}\n`,
    );
  });

  it("rewrites only what lies between the markers", () => {
    const text = `before\n${blockStart("retries")}\nold\n${blockEnd("retries")}\nafter\n`;
    expect(replaceBlock(text, "retries", "new", "Retries")).toBe(
      `before\n${blockStart("retries")}\nnew\n${blockEnd("retries")}\nafter\n`,
    );
  });
});
