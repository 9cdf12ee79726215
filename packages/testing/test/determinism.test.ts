// The same seed and the same calls give the same ids and times, so a test can assert exact values;
// reset() starts over; the clock moves only when told to.
import { describe, expect, it } from "vitest";
import { createSandbox } from "../src";
import { clientsOf, issueCard } from "./support/world";

async function run(seed: string) {
  const sandbox = createSandbox({ seed });
  const ids = await issueCard(clientsOf(sandbox));
  return { sandbox, ids };
}

describe("determinism", () => {
  it("gives the same ids for the same seed, and others for another", async () => {
    const first = await run("alpha");
    const second = await run("alpha");
    const other = await run("beta");
    expect(second.ids).toEqual(first.ids);
    expect(other.ids.customerId).not.toBe(first.ids.customerId);
    expect(first.ids).toMatchObject({
      customerId: expect.stringMatching(/^[1-9]\d{8}$/),
      accountId: expect.stringMatching(/^[1-9]\d{9}$/),
    });
  });

  it("starts over on reset(): no state, no requests, the same ids again", async () => {
    const { sandbox, ids } = await run("gamma");
    sandbox.clock.advance({ days: 3 });
    sandbox.reset();
    expect(sandbox.state.customers.size).toBe(0);
    expect(sandbox.requests).toHaveLength(0);
    expect(sandbox.clock.now().toISOString()).toBe("2025-01-01T09:00:00.000Z");
    expect(await issueCard(clientsOf(sandbox))).toEqual(ids);
  });

  it("stamps times from the clock, which moves only forward and only when told", async () => {
    const sandbox = createSandbox({ now: "2030-06-01T12:00:00Z" });
    const clients = clientsOf(sandbox);
    const { cardId } = await issueCard(clients);
    sandbox.clock.advance({ hours: 1, minutes: 30 });
    await clients.testApi.POST("/v1/authorizations/request", {
      body: { card: { cardId }, transactionData: { transactionAmount: { amount: 5, currency: "EUR" } } },
    });
    expect(sandbox.state.transactions.all()[0]?.transactionDate).toBe("2030-06-01T13:30:00Z");
    expect(() => sandbox.clock.set("2030-01-01T00:00:00Z")).toThrow("time only moves forward");
    expect(() => sandbox.clock.advance({ weeks: 1 } as never)).toThrow("unknown unit");
    expect(sandbox.clock.set("2031-01-01T00:00:00Z").toISOString()).toBe("2031-01-01T00:00:00.000Z");
  });
});
