import { typeTestOptions } from "@enfuce-sdk/test-kit/type-tests";
import { describe, expectTypeOf, it } from "vitest";
import {
  type Account,
  type AccountStatus,
  type AccountSummary,
  type AccountSummaryList,
  createAccountClient,
  type ResourceResponse,
} from "../src";

const client = createAccountClient(typeTestOptions);

describe("account client types", () => {
  it("types responses from the spec", async () => {
    const { data } = await client.GET("/v4/{id}", { params: { path: { id: "1001" } } });
    expectTypeOf(data).toEqualTypeOf<Account | undefined>();
    expectTypeOf<Account["status"]>().toEqualTypeOf<AccountStatus | undefined>();
    expectTypeOf<Account["available"]>().toEqualTypeOf<number | undefined>();
    // the docs show a single summary as the example of this list, so both shapes are typed
    const list = await client.GET("/v4/customer/{customerId}", { params: { path: { customerId: "10" } } });
    expectTypeOf(list.data).toEqualTypeOf<AccountSummaryList | undefined>();
    expectTypeOf<AccountSummaryList>().toEqualTypeOf<AccountSummary[] | AccountSummary>();
  });

  it("accepts an idempotency key where the spec declares one", async () => {
    const { data } = await client.POST("/v4/DEBIT/customer/{customerId}", {
      params: { path: { customerId: "10" }, header: { "x-idempotency-key": "account-order-4711" } },
      body: { name: "Household" },
    });
    expectTypeOf(data).toEqualTypeOf<ResourceResponse | undefined>();
    await client.PATCH("/v4/CREDIT/{id}", {
      params: { path: { id: "1001" } },
      body: { creditLimit: 2000 },
      idempotencyKey: "limit-change-0815",
    });
  });

  it("does not demand auditUser, which the client sends", async () => {
    await client.POST("/v4/{multiCurr}/customer/{customerId}", {
      params: { path: { multiCurr: "MULTICURR_EUR_FI", customerId: "10" } },
      body: { name: "Travel" },
    });
  });

  it("rejects what the spec does not allow", async () => {
    // @ts-expect-error: no such path
    await client.POST("/v4/SAVINGS/customer/{customerId}", { params: { path: { customerId: "10" } }, body: {} });
    // @ts-expect-error: the customer id is missing
    await client.POST("/v4/DEBIT/customer/{customerId}", { params: { path: {} }, body: { name: "Household" } });
    await client.POST("/v4/CREDIT/customer/{customerId}", {
      params: { path: { customerId: "10" } },
      // @ts-expect-error: a credit account needs its credit limit
      body: { name: "Household" },
    });
    await client.PATCH("/v4/DEBIT/{id}", {
      params: { path: { id: "1001" } },
      // @ts-expect-error: ACCOUNT_CLOSED is not a status a caller can set
      body: { status: "ACCOUNT_CLOSED" },
    });
    await client.POST("/v4/{multiCurr}/customer/{customerId}", {
      // @ts-expect-error: not a multi-currency template
      params: { path: { multiCurr: "MULTICURR_USD_US", customerId: "10" } },
      body: {},
    });
  });
});

describe("account paged lists", () => {
  it("pages the v4 lists, where one summary on its own is a page of one", () => {
    const accounts = client.paginate("/v4/customer/{customerId}", { params: { path: { customerId: "10" } } });
    expectTypeOf(accounts.toArray()).resolves.toEqualTypeOf<AccountSummary[]>();
    // @ts-expect-error one account is not a paged list
    client.paginate("/v4/{id}", { params: { path: { id: "1001" } } });
  });
});
