import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AuthorizationHoldCreateResponse,
  createTransactionClient,
  type PostingStatus,
  type ResourceResponse,
  type Transaction,
} from "../src";

const client = createTransactionClient(typeTestOptions);

const payment = { type: "PT", amount: 25.5, currency: "EUR", text: "Payment, thank you" };

describe("transaction client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.GET("/v3/{id}", { params: { path: { id: "1001" } } });
    expectTypeOf(data).toEqualTypeOf<Transaction | undefined>();
    expectTypeOf<Transaction["postingStatus"]>().toEqualTypeOf<PostingStatus | undefined>();
    expectTypeOf<PostingStatus>().toEqualTypeOf<
      "POSTED" | "POSTED_DISPUTE" | "CLOSED" | "PENDING" | "REJECTED" | (string & {})
    >();
    expectTypeOf<NonNullable<Transaction["transactionAmount"]>["amount"]>().toEqualTypeOf<number | undefined>();
    const list = await client.GET("/v3/account/{accountId}", {
      params: {
        path: { accountId: "1" },
        query: { fromDate: "2024-01-01T00:00:00", toDate: "2024-01-31T23:59:59", size: 30 },
      },
    });
    expectTypeOf(list.data).toEqualTypeOf<Transaction[] | undefined>();
  });

  it("accepts an idempotency key where the spec declares one", async () => {
    const { data } = await client.POST("/v3/account/{accountId}", {
      params: { path: { accountId: "1" }, header: { "x-idempotency-key": "payment-2024-0001" } },
      body: payment,
    });
    expectTypeOf(data).toEqualTypeOf<ResourceResponse | undefined>();
    await client.POST("/v3/card/{cardId}", {
      params: { path: { cardId: "2" } },
      body: payment,
      idempotencyKey: "card-payment-2024-0001",
    });
    await client.POST("/v3/invoice/{invoiceId}/payment", {
      params: { path: { invoiceId: "3" }, header: { "x-idempotency-key": "invoice-payment-0001" } },
      body: { amount: 25.5, currency: "EUR" },
    });
  });

  it("does not demand auditUser, which the client sends", async () => {
    const { data } = await client.POST("/v3/authorization-holds/authorizations", {
      body: { accountId: "1", type: "AHOLD", amount: 10, currency: "EUR" },
    });
    expectTypeOf(data).toEqualTypeOf<AuthorizationHoldCreateResponse | undefined>();
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.GET("/v3/transactions/{id}", { params: { path: { id: "1" } } });
    await client.POST("/v3/card/{cardId}/fee", {
      // @ts-expect-error: the card id is missing
      params: { path: {} },
      body: { type: "F1", amount: 1, currency: "EUR" },
    });
    await client.POST("/v3/account/{accountId}/fee", {
      // @ts-expect-error: fees declare no idempotency header
      params: { path: { accountId: "1" }, header: { "x-idempotency-key": "fee-1" } },
      body: { type: "F1", amount: 1, currency: "EUR" },
    });
    await client.POST("/v3/{id}/update/{propertyToUpdate}", {
      // @ts-expect-error: REVERSE is the only documented change
      params: { path: { id: "1", propertyToUpdate: "REFUND" } },
    });
    await client.POST("/v3/authorization-holds/authorizations", {
      // @ts-expect-error: not an authorisation hold type
      body: { accountId: "1", type: "HOLD", amount: 10, currency: "EUR" },
    });
  });
});
