// Webhooks: your authorisation-control receiver decides (or the sandbox stands in when it cannot),
// and state changes reach your notification receiver, in-process or over HTTP.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createAuthorisationControlHandler } from "@enfuce-sdk/authorisation-control";
import { createNotificationHandler, type Notification } from "@enfuce-sdk/notification";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AuthorisationControlCall, createSandbox, type Sandbox } from "../src";
import { authorise, type Clients, clientsOf, issueCard, RECEIVER_CREDENTIALS } from "./support/world";

let sandbox: Sandbox;
let clients: Clients;

beforeEach(() => {
  sandbox = createSandbox({ seed: "webhooks" });
  clients = clientsOf(sandbox);
});
afterEach(() => sandbox.close());

const decision = (code: string) => ({ transactionData: { authResponseCode: { code } } });
const lastCall = () =>
  sandbox.deliveries.filter((d) => d.webhook === "authorisationControl").at(-1) as AuthorisationControlCall;

function withDecider(decide: (body: unknown) => unknown | Promise<unknown>, timeoutMs = 200) {
  sandbox.webhooks({
    credentials: RECEIVER_CREDENTIALS,
    authorisationTimeoutMs: timeoutMs,
    authorisationControl: createAuthorisationControlHandler({
      credentials: RECEIVER_CREDENTIALS,
      deadlineMs: 1_000,
      fallback: decision("05") as never,
      onAuthorisation: (request) => decide(request) as never,
    }),
  });
}

describe("authorisation control", () => {
  it("honours a decline: no hold, a rejected transaction, the code in the answer", async () => {
    withDecider(() => decision("51"));
    const { cardId, accountId } = await issueCard(clients);
    const answer = await authorise(clients, cardId, 50);
    expect(answer.transactionData.authResponseCode).toBe("51");
    expect(sandbox.state.accounts.get(accountId)?.available).toBe(1000);
    expect(sandbox.state.transactions.all()).toEqual([
      expect.objectContaining({ postingStatus: "REJECTED", responseCode: "51", hold: 0 }),
    ]);
    expect(lastCall()).toMatchObject({ outcome: "declined", decidedBy: "issuer", status: 200 });
  });

  it("sends the documented payload with your credentials", async () => {
    const seen: { authorization: string | null; body: unknown }[] = [];
    sandbox.webhooks({
      credentials: RECEIVER_CREDENTIALS,
      authorisationControl: async (request: Request) => {
        seen.push({ authorization: request.headers.get("authorization"), body: await request.json() });
        return Response.json(decision("00"));
      },
    });
    const { cardId, accountId, customerId } = await issueCard(clients);
    await authorise(clients, cardId, 25);
    expect(seen[0]?.authorization).toBe(`Basic ${Buffer.from("enfuce:receiver-secret").toString("base64")}`);
    expect(seen[0]?.body).toMatchObject({
      metadata: { messageCategory: "REQUEST" },
      customer: { customerId },
      account: { accountId, availableAmount: { amount: 1000, currency: "EUR" } },
      card: { cardId },
      transactionData: {
        transactionAmount: { amount: 25, currency: "EUR" },
        settlementAmount: { amount: 25, currency: "EUR" },
      },
      merchantData: {},
    });
    expect(lastCall().durationMs).toBeGreaterThanOrEqual(0);
  });

  it("stands in when your receiver does not answer in time, and records it", async () => {
    let release = () => {};
    sandbox.webhooks({
      credentials: RECEIVER_CREDENTIALS,
      authorisationTimeoutMs: 50,
      authorisationControl: () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(Response.json(decision("05")));
        }),
    });
    const { cardId } = await issueCard(clients);
    const answer = await authorise(clients, cardId, 2000);
    release();
    expect(answer.transactionData.authResponseCode).toBe("51");
    expect(lastCall()).toMatchObject({ outcome: "timeout", decidedBy: "stand-in", responseCode: "51" });
    expect(lastCall().durationMs).toBeGreaterThanOrEqual(40);
    const approved = await authorise(clients, cardId, 10).finally(release);
    expect(approved.transactionData.authResponseCode).toBe("00");
    expect(sandbox.state.transactions.all().at(-1)?.processedByEnfuceStip).toBe(true);
  });

  it("stands in when the answer carries no readable decision", async () => {
    withDecider(() => ({ transactionData: { verdict: "yes" } }));
    const { cardId } = await issueCard(clients);
    await authorise(clients, cardId, 10);
    expect(lastCall()).toMatchObject({ outcome: "invalid-answer", decidedBy: "stand-in", responseCode: "00" });
  });

  it("decides alone without a receiver, and refuses for a blocked card before asking", async () => {
    const { cardId } = await issueCard(clients);
    expect((await authorise(clients, cardId, 10)).transactionData.authResponseCode).toBe("00");
    expect(lastCall()).toMatchObject({ outcome: "not-configured", decidedBy: "stand-in" });
    await clients.cards.PATCH("/v4/MC_CARD/{id}", { params: { path: { id: cardId } }, body: { status: "CARD_LOST" } });
    const calls = sandbox.deliveries.length;
    expect((await authorise(clients, cardId, 10)).transactionData.authResponseCode).toBe("41");
    expect(sandbox.deliveries.filter((d) => d.webhook === "authorisationControl")).toHaveLength(1);
    expect(sandbox.deliveries.length).toBeGreaterThan(calls);
  });

  it("reverses a held authorisation in part and in full", async () => {
    const { cardId, accountId } = await issueCard(clients);
    const answer = await authorise(clients, cardId, 100);
    const id = String(answer.metadata.id);
    await clients.testApi.POST("/v1/authorizations/reversal", {
      body: { id, partialAmount: { amount: 40, currency: "EUR" } },
    });
    expect(sandbox.state.accounts.get(accountId)?.available).toBe(940);
    await clients.testApi.POST("/v1/authorizations/reversal", { body: { id } });
    expect(sandbox.state.accounts.get(accountId)?.available).toBe(1000);
    await expect(clients.testApi.POST("/v1/authorizations/reversal", { body: { id } })).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe("notifications", () => {
  it("are repeated until your receiver acknowledges them", async () => {
    let calls = 0;
    sandbox.webhooks({
      credentials: RECEIVER_CREDENTIALS,
      notification: () => {
        calls++;
        return new Response(null, { status: calls === 1 ? 503 : 201 });
      },
    });
    await issueCard(clients);
    await sandbox.settled();
    expect(sandbox.deliveries.map((d) => [d.payload.type, d.outcome, "attempts" in d ? d.attempts : 0])).toEqual([
      ["ACCOUNT", "delivered", 2],
      ["CARD", "delivered", 1],
    ]);
  });

  it("reach a receiver over HTTP, with the notification's id for deduplication", async () => {
    const received: Notification[] = [];
    const handler = createNotificationHandler({
      credentials: RECEIVER_CREDENTIALS,
      onNotification: (notification) => {
        received.push(notification);
      },
    });
    const server = createServer(handler.node);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      sandbox.webhooks({
        credentials: RECEIVER_CREDENTIALS,
        notification: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      });
      const { cardId } = await issueCard(clients);
      await authorise(clients, cardId, 10);
      await sandbox.settled();
      expect(received.map((n) => n.type)).toEqual(["ACCOUNT", "CARD", "TRANSACTION"]);
      expect(new Set(received.map((n) => n.id)).size).toBe(3);
      expect(received[2]).toMatchObject({
        subType: "AUTH",
        cardId,
        responseCode: "00",
        accountAvailableAmount: { amount: 990 },
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("are recorded as not sent without a receiver", async () => {
    await issueCard(clients);
    await sandbox.settled();
    expect(sandbox.deliveries.map((d) => d.outcome)).toEqual(["not-sent", "not-sent"]);
  });

  it.each([
    [{}, "credentials"],
    [{ credentials: RECEIVER_CREDENTIALS, notification: 42 }, "notification must be a URL"],
    [{ credentials: RECEIVER_CREDENTIALS, notification: "http://u:p@127.0.0.1" }, "must not contain credentials"],
    [
      { credentials: RECEIVER_CREDENTIALS, authorisationTimeoutMs: 0 },
      "authorisationTimeoutMs must be a positive integer",
    ],
  ])("refuses unclear options %j", (options, message) => {
    expect(() => sandbox.webhooks(options as never)).toThrow(message);
  });
});
