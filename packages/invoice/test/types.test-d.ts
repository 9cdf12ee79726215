import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  createInvoiceClient,
  type Invoice,
  type InvoiceStatus,
  type InvoiceStatusParam,
  type ResourceResponse,
} from "../src";

const client = createInvoiceClient(typeTestOptions);

describe("invoice client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.GET("/v1/{id}", { params: { path: { id: "100200300" } } });
    expectTypeOf(data).toEqualTypeOf<Invoice | undefined>();
    expectTypeOf<Invoice["amount"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Invoice["status"]>().toEqualTypeOf<InvoiceStatus | undefined>();
    expectTypeOf<InvoiceStatus>().toEqualTypeOf<
      "CLOSED" | "OPEN" | "OVERDUE" | "PAID" | "PAID_PARTIALLY" | "WRITE-OFF" | (string & {})
    >();
    // the status filter is sent: only the documented values
    expectTypeOf<InvoiceStatusParam>().toEqualTypeOf<
      "CLOSED" | "OPEN" | "OVERDUE" | "PAID" | "PAID_PARTIALLY" | "WRITE-OFF"
    >();
    expectTypeOf<NonNullable<Invoice["paymentReference"]>["number"]>().toEqualTypeOf<string | number | undefined>();
  });

  it("types the account list as a plain array", async () => {
    const { data } = await client.GET("/v1/account/{accountId}", {
      params: { path: { accountId: "1234567890" }, query: { status: "OPEN", page: 0, size: 30 } },
    });
    expectTypeOf(data).toEqualTypeOf<Invoice[] | undefined>();
  });

  it("does not demand auditUser, which the client sends", async () => {
    await client.GET("/v1/referenceNumber/{referenceNumber}", { params: { path: { referenceNumber: "1234567897" } } });
    const written = await client.POST("/v1/{id}/write-off", { params: { path: { id: "1" } }, throwOnError: true });
    expectTypeOf(written).toEqualTypeOf<ResourceResponse>();
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.GET("/v1/invoices/{id}", { params: { path: { id: "1" } } });
    // @ts-expect-error: the path parameter is missing
    await client.PATCH("/v1/{id}", { params: { path: {} }, body: { dueDate: "2024-02-01" } });
    await client.PATCH("/v1/{id}", {
      params: { path: { id: "1" } },
      // @ts-expect-error: the due date is an ISO date string, not a number
      body: { dueDate: 20240201 },
    });
    await client.GET("/v1/account/{accountId}", {
      // @ts-expect-error: not a value of the status enum
      params: { path: { accountId: "1" }, query: { status: "LOST" } },
    });
  });
});
