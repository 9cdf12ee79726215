import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  createInstalmentClient,
  type Instalment,
  type InstalmentList,
  type InstalmentPortionList,
  type InstalmentStatus,
  type Pagination,
} from "../src";

const client = createInstalmentClient(typeTestOptions);

describe("instalment client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "1" } } });
    expectTypeOf(data).toEqualTypeOf<Instalment | undefined>();
    expectTypeOf<NonNullable<Instalment["interest"]>["interestRate"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Instalment["status"]>().toEqualTypeOf<InstalmentStatus | undefined>();
  });

  it("does not demand auditUser, which the client sends", async () => {
    await client.GET("/v1/account/{accountId}", { params: { path: { accountId: "1" } } });
    await client.POST("/v1/{instalmentId}/close", { params: { path: { instalmentId: "1" } } });
  });

  it("reads a list page without pagination or data, which the docs do not require", () => {
    const withoutPagination: InstalmentList = { data: [] };
    const withoutData: InstalmentPortionList = { pagination: { pages: 1 } };
    const emptyPagination: Pagination = {};
    expectTypeOf(withoutPagination).toMatchTypeOf<InstalmentList>();
    expectTypeOf(withoutData).toMatchTypeOf<InstalmentPortionList>();
    expectTypeOf(emptyPagination).toMatchTypeOf<Pagination>();
    expectTypeOf<InstalmentList["pagination"]>().toEqualTypeOf<Pagination | undefined>();
    expectTypeOf<Pagination["pages"]>().toEqualTypeOf<number | undefined>();
  });

  it("narrows plan options on type", () => {
    const options = {} as NonNullable<Instalment["planOptions"]>;
    if (options.type === "BUY_NOW_PAY_LATER") expectTypeOf(options.shift).toEqualTypeOf<number | undefined>();
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.GET("/v1/unknown", {});
    // @ts-expect-error: the path parameter is missing
    await client.GET("/v1/{instalmentId}", { params: { path: {} } });
    await client.POST("/v1", {
      // @ts-expect-error: not a member of the request body
      body: { from: "TRANSACTION", transactionId: "1", planOptions: { type: "BUY_NOW_PAY_LATER" }, colour: "red" },
    });
    await client.POST("/v1", {
      // @ts-expect-error: not a value of the enum
      body: { from: "ACCOUNT", transactionId: "1", planOptions: { type: "BUY_NOW_PAY_LATER" } },
    });
    // @ts-expect-error: not a documented filter value
    client.filter("/v1/account/{accountId}").eq("status", "LOST");
  });

  it("resolves to the data with throwOnError", async () => {
    const data = await client.GET("/v1/{instalmentId}", {
      params: { path: { instalmentId: "1" } },
      throwOnError: true,
    });
    expectTypeOf(data).toEqualTypeOf<Instalment>();
  });
});
