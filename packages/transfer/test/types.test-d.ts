import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type BatchTransferState,
  type BatchTransferStatus,
  type BatchTransferWithItems,
  createTransferClient,
  type TransferItem,
  type TransferItemKey,
  type TransferResponse,
  type TransferStatus,
} from "../src";

const client = createTransferClient(typeTestOptions);

describe("transfer client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.POST("/v1/c2c", {
      body: { fromCardId: "1", toCardId: "2", amount: 12.5, currency: "EUR", text: "refund" },
    });
    expectTypeOf(data).toEqualTypeOf<TransferResponse | undefined>();
    expectTypeOf<TransferResponse["status"]>().toEqualTypeOf<TransferStatus>();
    // Open: Enfuce may add statuses, which reach the caller instead of a type lie.
    expectTypeOf<TransferStatus>().toEqualTypeOf<
      "COMPLETED" | "FAILED_BUT_REVERSED" | "DEBIT_FAILED" | "FAILED_BUT_NOT_REVERSED" | (string & {})
    >();
    const status = await client.GET("/v1/a2a/batches/{id}/status", { params: { path: { id: "b1" } } });
    expectTypeOf(status.data?.status).toEqualTypeOf<BatchTransferState | undefined>();
    expectTypeOf(status.data?.failedTransferItems).toEqualTypeOf<number | undefined>();
    expectTypeOf<BatchTransferStatus["status"]>().toEqualTypeOf<BatchTransferState>();
    expectTypeOf<BatchTransferStatus["transferItemCount"]>().toEqualTypeOf<number>();
  });

  it("pages the items of a batch with the last evaluated key", async () => {
    const { data } = await client.GET("/v1/a2a/batches/{id}", { params: { path: { id: "b1" }, query: { size: 50 } } });
    const key = data?.transfers.lastEvaluatedKey;
    expectTypeOf<BatchTransferWithItems["transfers"]["lastEvaluatedKey"]>().toEqualTypeOf<
      TransferItemKey | undefined
    >();
    expectTypeOf(key).toEqualTypeOf<TransferItemKey | undefined>();
    await client.GET("/v1/a2a/batches/{id}", { params: { path: { id: "b1" }, query: { exclusiveStartKey: key } } });
  });

  it("leaves the undocumented batch list untyped", async () => {
    const { data } = await client.GET("/v1/a2a/batches");
    expectTypeOf(data).toBeUnknown();
  });

  it("does not demand auditUser, which the client sends", async () => {
    await client.POST("/v1/a2a/batches", {
      body: { transfers: [{ fromAccountId: "1", toAccountId: "2", amount: 100, currency: "EUR" }] },
    });
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.POST("/v1/a2c", { body: { fromCardId: "1", toCardId: "2", amount: 1, currency: "EUR" } });
    // @ts-expect-error: the batch id is missing
    await client.GET("/v1/a2a/batches/{id}/status", { params: { path: {} } });
    await client.POST("/v1/a2a", {
      // @ts-expect-error: the currency is required; amounts are never converted
      body: { fromAccountId: "1", toAccountId: "2", amount: 100 },
    });
    await client.POST("/v1/c2c", {
      // @ts-expect-error: the amount is a number
      body: { fromCardId: "1", toCardId: "2", amount: "12.50", currency: "EUR" },
    });
  });
});

describe("transfer paged lists", () => {
  it("pages the items of a batch by continuation key, typed", async () => {
    const items = client.paginate("/v1/a2a/batches/{id}", { params: { path: { id: "11221122" } } });
    expectTypeOf(items.toArray()).resolves.toEqualTypeOf<TransferItem[]>();
    for await (const page of items.pages())
      expectTypeOf(page.transfers.items).toEqualTypeOf<TransferItem[] | undefined>();
  });
});
