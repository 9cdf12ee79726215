import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  createPurchaseDetailsClient,
  type PurchaseDetails,
  type PurchaseDetailsIdsResponse,
  type PurchaseDetailsList,
  type PurchaseDetailsUnit,
  type PurchaseDetailsUnitParam,
  type ResourceResponse,
} from "../src";

const client = createPurchaseDetailsClient(typeTestOptions);

describe("purchase-details client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.GET("/v1/{id}", { params: { path: { id: "1" } } });
    expectTypeOf(data).toEqualTypeOf<PurchaseDetails | undefined>();
    expectTypeOf<PurchaseDetails["quantity"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PurchaseDetails["type"]>().toEqualTypeOf<"FUEL" | "OTHER" | (string & {}) | undefined>();
    expectTypeOf<PurchaseDetailsUnit>().toEqualTypeOf<"KG" | "KWH" | "LITRE" | "GALLON" | (string & {})>();
    expectTypeOf<PurchaseDetailsUnitParam>().toEqualTypeOf<"KG" | "KWH" | "LITRE" | "GALLON">();
    const list = await client.GET("/v1/", { params: { query: { filter: "externalId eq 1234" } }, throwOnError: true });
    expectTypeOf(list).toEqualTypeOf<PurchaseDetailsList>();
  });

  it("takes a list of purchase details and answers with their ids", async () => {
    const created = await client.POST("/v1/", {
      body: [{ externalId: "1234", transactionId: "2222", quantity: 40.5, unitPrice: 1.9 }],
      throwOnError: true,
    });
    expectTypeOf(created).toEqualTypeOf<PurchaseDetailsIdsResponse>();
    expectTypeOf(created.ids).toEqualTypeOf<{ externalId?: string; id?: string }[]>();
  });

  it("does not demand auditUser, which the client sends", async () => {
    const { data } = await client.POST("/v1/reprice", { body: { transactionId: "2222", purchaseDetailIds: ["1"] } });
    expectTypeOf(data).toEqualTypeOf<ResourceResponse | undefined>();
    await client.DELETE("/v1/{id}", { params: { path: { id: "1" } } });
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path (the list path keeps its trailing slash)
    await client.GET("/v1", {});
    // @ts-expect-error: the path parameter is missing
    await client.DELETE("/v1/{id}", { params: { path: {} } });
    // @ts-expect-error: the body is a list of purchase details, not one
    await client.PATCH("/v1/", { body: { id: "1", quantity: 2 } });
    // @ts-expect-error: not a documented unit
    await client.PATCH("/v1/", { body: [{ id: "1", unit: "BARREL" }] });
  });
});
