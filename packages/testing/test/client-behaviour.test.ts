// How a domain client behaves against a server that keeps state: typed data read back, a refused
// request as a typed error rather than an exception, and credentials. These ran against Prism,
// which answers every read with the same example and refuses a password containing ":" that
// RFC 7617 allows; on the sandbox they check what was created, with real Basic credentials.
import { AuthenticationError, BadRequestError } from "@enfuce-sdk/core";
import { createInstalmentClient } from "@enfuce-sdk/instalment";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../src";
import { authorise, clientsOf, issueCard } from "./support/world";

// RFC 7617 allows ":" in the password and any UTF-8 character in both parts.
const credentials = { username: "issuer-user", password: "pä:ss wörd" };
const sandbox = createSandbox({ credentials, seed: "client-behaviour" });
const client = createInstalmentClient({
  ...sandbox.clientOptions("instalment"),
  auditUser: "backoffice-sync",
  maxRetries: 0,
});

describe("an instalment client on the sandbox", () => {
  it("lists an account's plans with typed data", async () => {
    const clients = clientsOf(sandbox);
    const { cardId, accountId } = await issueCard(clients);
    await authorise(clients, cardId, 250);
    const transactionId = String(sandbox.state.transactions.all()[0]?.id);
    await clients.instalments.POST("/v1", {
      body: { from: "TRANSACTION", transactionId, planOptions: { type: "BUY_NOW_PAY_LATER", shift: 3 } },
    });
    const { data, error, response } = await client.GET("/v1/account/{accountId}", {
      params: { path: { accountId }, query: { page: 0, size: 50 } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.pagination).toEqual({ page: 0, pages: 1, elements: 1, size: 50 });
    expect(data?.data?.[0]).toMatchObject({
      totalAmount: 250,
      status: "OPEN",
      lastPayment: "2025-04-01",
      transactionId,
    });
  });

  it("returns a refused request as a typed error, not an exception", async () => {
    // A body without its required members, as a JavaScript caller could send it.
    const body = { description: "no transaction" } as never;
    const result = await client.POST("/v1", { body });
    expect(result.response.status).toBe(400);
    expect(result.error).toMatchObject({
      errorType: "STATIC_VALIDATION_ERROR",
      errorReason: "body member from is required",
    });
    await expect(client.POST("/v1", { body, throwOnError: true })).rejects.toBeInstanceOf(BadRequestError);
  });

  it("is refused without the sandbox's credentials", async () => {
    const anonymous = createInstalmentClient({
      ...sandbox.clientOptions("instalment"),
      credentials: { token: "not-basic" },
      auditUser: "backoffice-sync",
      maxRetries: 0,
    });
    const { response } = await anonymous.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "678543" } } });
    expect(response.status).toBe(401);
    await expect(
      anonymous.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "678543" } }, throwOnError: true }),
    ).rejects.toBeInstanceOf(AuthenticationError);
  });
});
