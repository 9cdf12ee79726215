import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type Customer,
  type CustomerLink,
  type CustomerRole,
  type CustomerRoleParam,
  createCustomerClient,
  type Locale,
  type ResourceResponse,
} from "../src";

const client = createCustomerClient(typeTestOptions);

const person = {
  customerNumber: "C-1001",
  locale: "fi_FI",
  regNo: "010190-123A",
  address: { address1: "Street 1", city: "Helsinki", country: "FIN", zipCode: "00100" },
  firstName: "Maija",
  lastName: "Meikäläinen",
} as const;

describe("customer client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.GET("/v3/{id}", { params: { path: { id: "1" } } });
    expectTypeOf(data).toEqualTypeOf<Customer | undefined>();
    expectTypeOf<Customer["customerNumber"]>().toEqualTypeOf<string>();
    expectTypeOf<Customer["role"]>().toEqualTypeOf<CustomerRole | undefined>();
    expectTypeOf<CustomerRole>().toEqualTypeOf<"CORPORATE" | "PRIVATE" | (string & {})>();
    expectTypeOf<CustomerRoleParam>().toEqualTypeOf<"CORPORATE" | "PRIVATE">();
    expectTypeOf<"fi_FI">().toExtend<Locale>();
    const links = await client.GET("/v3/{id}/link", { params: { path: { id: "1" } } });
    expectTypeOf(links.data).toEqualTypeOf<CustomerLink[] | undefined>();
  });

  it("does not demand auditUser, which the client sends", async () => {
    const { data } = await client.POST("/v3/PRIVATE", { body: person });
    expectTypeOf(data).toEqualTypeOf<ResourceResponse | undefined>();
    await client.POST("/v3/{id}/link", {
      params: { path: { id: "1" } },
      body: { type: "CUSTOMER_LINK", customerId: "2" },
    });
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.POST("/v3/PERSON", { body: person });
    await client.PATCH("/v3/PRIVATE/{id}", {
      // @ts-expect-error: the customer id is missing
      params: { path: {} },
      body: { email: "maija@example.com" },
    });
    await client.POST("/v3/CORPORATE", {
      // @ts-expect-error: a company needs its name
      body: { customerNumber: "C-2001", locale: "fi_FI", regNo: "1234567-8", address: { city: "Espoo" } },
    });
    await client.POST("/v3/PRIVATE", {
      // @ts-expect-error: not one of the documented locales
      body: { ...person, locale: "fi_SE" },
    });
    await client.POST("/v3/{role}/{id}/update/{propertyToUpdate}", {
      // @ts-expect-error: not a customer role
      params: { path: { role: "BUSINESS", id: "1", propertyToUpdate: "SOMETHING" } },
    });
  });
});
