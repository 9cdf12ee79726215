import { describe, expectTypeOf, it } from "vitest";
import {
  type AuthorizationRequest,
  type AuthorizationResponse,
  createTestApiClient,
  type ReversalRequest,
} from "../src";

// The Test API exists in the DEMO environment only.
const client = createTestApiClient({
  environment: "demo",
  realm: "test",
  credentials: { username: "u", password: "p" },
  auditUser: "backoffice-sync",
});

describe("test-api client types", () => {
  it("returns a template that is the body of a test authorisation", async () => {
    const { data: template } = await client.POST("/v1/authorization-templates/request/retail-offline-pin", {
      body: { card: { cardId: "1" }, transactionData: { transactionAmount: { amount: 10, currency: "EUR" } } },
    });
    expectTypeOf(template).toEqualTypeOf<AuthorizationRequest | undefined>();
    if (template) await client.POST("/v1/authorizations/request", { body: template });
  });

  it("types responses from the spec", async () => {
    const { data } = await client.POST("/v1/authorizations/request", { body: { card: { cardId: "1" } } });
    expectTypeOf(data).toEqualTypeOf<AuthorizationResponse | undefined>();
    // metadata.id is what a reversal needs, and the spec guarantees metadata
    expectTypeOf<AuthorizationResponse["metadata"]["id"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<AuthorizationRequest["merchantData"]>["partialApprovalCapable"]>().toEqualTypeOf<
      boolean | undefined
    >();
  });

  it("does not demand auditUser, which the client sends", async () => {
    await client.POST("/v1/authorizations/reversal", { body: { id: "a1b2" } });
    expectTypeOf<ReversalRequest["id"]>().toEqualTypeOf<string>();
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.POST("/v1/authorizations/refund", { body: { id: "a1b2" } });
    // @ts-expect-error: the reversal must name the authorisation
    await client.POST("/v1/authorizations/reversal", { body: { partialAmount: { amount: 1, currency: "EUR" } } });
    await client.POST("/v1/authorizations/reversal", {
      // @ts-expect-error: the partial amount is a number in a Money object
      body: { id: "a1b2", partialAmount: { amount: "1.00", currency: "EUR" } },
    });
    await client.POST("/v1/authorizations/request", {
      // @ts-expect-error: partial approval is a boolean
      body: { merchantData: { partialApprovalCapable: "yes" } },
    });
  });
});
