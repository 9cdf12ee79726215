import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AccountLinkCreationResult,
  type AgreementPeriod,
  type AgreementPeriodType,
  createRepricingClient,
  type PriceList,
  type ResourceResponse,
} from "../src";

const client = createRepricingClient(typeTestOptions);

describe("repricing client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.GET("/v1/pricelist", { params: { query: { page: 0, size: 100 } } });
    expectTypeOf(data).toEqualTypeOf<PriceList[] | undefined>();
    expectTypeOf<PriceList["code"]>().toEqualTypeOf<string>();
    const active = await client.GET("/v1/priceagreement/account/{id}/product/{code}", {
      params: { path: { id: "1", code: "DIESEL" }, query: { atDateTime: "2024-06-01T12:00:00" } },
    });
    expectTypeOf(active.data?.[0]?.value).toEqualTypeOf<number | undefined>();
    expectTypeOf(active.data?.[0]?.type).toEqualTypeOf<AgreementPeriodType | undefined>();
    expectTypeOf<AgreementPeriod["validTo"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<AgreementPeriodType>().toEqualTypeOf<"PER_EACH" | "ABSOLUTE" | "PERCENT" | (string & {})>();
  });

  it("leaves the undocumented agreement answers untyped", async () => {
    const { data } = await client.GET("/v1/priceagreement/{id}", { params: { path: { id: "1" } } });
    expectTypeOf(data).toBeUnknown();
  });

  it("does not demand auditUser, which the client sends", async () => {
    const { data } = await client.POST("/v1/priceagreement/{id}/link", {
      params: { path: { id: "1" } },
      body: [{ accountId: "1001", validFrom: "2024-01-01T00:00:00", validTo: null }],
    });
    expectTypeOf(data).toEqualTypeOf<AccountLinkCreationResult | undefined>();
    const created = await client.POST("/v1/pricelist", { body: { code: "FUEL-2024" } });
    expectTypeOf(created.data).toEqualTypeOf<ResourceResponse | undefined>();
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.GET("/v1/pricelists", {});
    // @ts-expect-error: the product code is missing
    await client.GET("/v1/priceagreement/account/{id}/product/{code}", { params: { path: { id: "1" } } });
    // @ts-expect-error: a price list needs its code
    await client.POST("/v1/pricelist", { body: {} });
    await client.POST("/v1/priceagreement/{id}/period", {
      params: { path: { id: "1" } },
      // @ts-expect-error: not a documented period type
      body: { code: "DIESEL", type: "FIXED", value: 0.05 },
    });
  });
});
