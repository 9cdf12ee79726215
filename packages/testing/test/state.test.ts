// The stateful families: what a call changes is what later calls read back, and what the real API
// would refuse is refused with the state untouched.
import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../src";
import {
  authorise,
  type Clients,
  clientsOf,
  createCreditAccount,
  createCustomer,
  issueCard,
  orderCard,
} from "./support/world";

let sandbox: Sandbox;
let clients: Clients;

beforeEach(() => {
  sandbox = createSandbox({ seed: "state" });
  clients = clientsOf(sandbox);
});

/** The answer of a call expected to fail, as `{ status, body }`. */
async function refusal(call: Promise<unknown>) {
  const error = (await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )) as { status?: number; body?: { errorReason?: string } } | undefined;
  expect(error, "the call should have been refused").toBeDefined();
  return { status: error?.status, reason: error?.body?.errorReason };
}

describe("customers", () => {
  it("are found by id, customer number and registration number", async () => {
    const id = await createCustomer(clients);
    const customer = await clients.customers.GET("/v3/{id}", { params: { path: { id } } });
    expect(customer).toMatchObject({ id, role: "PRIVATE", firstName: "Matti", locale: "fi_FI" });
    const byNumber = await clients.customers.GET("/v3/customerNumber/{customerNumber}", {
      params: { path: { customerNumber: String(customer.customerNumber) } },
    });
    expect(byNumber.id).toBe(id);
    const byRegNo = await clients.customers.GET("/v3/regNo/{regNo}/id", {
      params: { path: { regNo: String(customer.regNo) } },
    });
    expect(byRegNo).toEqual({ id });
  });

  it("refuse a second customer with the same customer number", async () => {
    const id = await createCustomer(clients);
    const number = sandbox.state.customers.get(id)?.customerNumber as string;
    const { status, reason } = await refusal(
      clients.customers.POST("/v3/CORPORATE", {
        body: { name: "Oy Ab", customerNumber: number, locale: "fi_FI", regNo: "1234567-8", address: {} },
      }),
    );
    expect(status).toBe(400);
    expect(reason).toContain("already used");
    expect(sandbox.state.customers.size).toBe(1);
  });

  it("link and unlink customers", async () => {
    const parent = await createCustomer(clients);
    const child = await createCustomer(clients);
    const link = await clients.customers.POST("/v3/{id}/link", {
      params: { path: { id: parent } },
      body: { type: "CUSTOMER_LINK", customerId: child },
    });
    expect(await clients.customers.GET("/v3/{id}/link", { params: { path: { id: parent } } })).toEqual([
      { id: link.id, customerId: child, type: "CUSTOMER_LINK" },
    ]);
    await clients.customers.DELETE("/v3/{id}/link/{linkId}", {
      params: { path: { id: parent, linkId: String(link.id) } },
    });
    expect(await clients.customers.GET("/v3/{id}/link", { params: { path: { id: parent } } })).toEqual([]);
  });
});

describe("accounts", () => {
  it("change status, list per customer, and notify", async () => {
    const customerId = await createCustomer(clients);
    const accountId = await createCreditAccount(clients, customerId, 500);
    await clients.accounts.PATCH("/v4/CREDIT/{id}", {
      params: { path: { id: accountId } },
      body: { status: "ACCOUNT_BLOCKED" },
    });
    const listed = await clients.accounts.GET("/v4/customer/{customerId}", { params: { path: { customerId } } });
    expect(listed).toEqual([expect.objectContaining({ id: accountId, status: "ACCOUNT_BLOCKED", creditLimit: 500 })]);
    await sandbox.settled();
    expect(sandbox.deliveries.map((d) => `${d.payload.type}/${d.payload.subType}/${d.payload.status}`)).toEqual([
      "ACCOUNT/CREATED/ACCOUNT_OK",
      "ACCOUNT/STATUS_CHANGE/ACCOUNT_BLOCKED",
    ]);
  });

  it("are updated through their own type only", async () => {
    const accountId = await createCreditAccount(clients, await createCustomer(clients));
    const { status, reason } = await refusal(
      clients.accounts.PATCH("/v4/DEBIT/{id}", { params: { path: { id: accountId } }, body: { name: "x" } }),
    );
    expect(status).toBe(400);
    expect(reason).toContain("is a CREDIT account");
  });

  it("take no card once closed, and stay as they were", async () => {
    const customerId = await createCustomer(clients);
    const accountId = await createCreditAccount(clients, customerId);
    await clients.accounts.POST("/v3/{id}/update/{propertyToUpdate}", {
      params: { path: { id: accountId, propertyToUpdate: "IMMEDIATE_ACCOUNT_CLOSE" } },
    });
    const { status, reason } = await refusal(orderCard(clients, customerId, accountId));
    expect(status).toBe(400);
    expect(reason).toBe(`account ${accountId} is closed (ACCOUNT_CLOSED)`);
    expect(sandbox.state.cards.size).toBe(0);
    expect(sandbox.state.accounts.get(accountId)?.status).toBe("ACCOUNT_CLOSED");
  });
});

describe("cards", () => {
  it("block, unblock and close; a closed card stays closed", async () => {
    const { cardId, accountId } = await issueCard(clients);
    const setStatus = (status: "CARD_BLOCKED" | "CARD_OK" | "CARD_CLOSED") =>
      clients.cards.PATCH("/v4/MC_CARD/{id}", { params: { path: { id: cardId } }, body: { status } });
    await setStatus("CARD_BLOCKED");
    expect((await clients.cards.GET("/v3/{id}", { params: { path: { id: cardId } } })).status).toBe("CARD_BLOCKED");
    await setStatus("CARD_OK");
    await setStatus("CARD_CLOSED");
    const { status, reason } = await refusal(setStatus("CARD_OK"));
    expect(status).toBe(400);
    expect(reason).toContain("CARD_CLOSED; it cannot change");
    const listed = await clients.cards.GET("/v4/account/{accountId}", { params: { path: { accountId } } });
    expect(listed).toEqual([expect.objectContaining({ id: cardId, status: "CARD_CLOSED", cardRole: "MAIN" })]);
  });

  it("answer the documented members of each view", async () => {
    const { cardId } = await issueCard(clients);
    const v4 = await clients.cards.GET("/v4/{id}", { params: { path: { id: cardId } } });
    expect(v4).toMatchObject({ embossing: { firstName: "Matti" }, expiration: { year: 2028, month: 1 } });
    expect(v4).not.toHaveProperty("status");
    const byReference = await clients.cards.GET("/v4/reference/{refNumber}", {
      params: { path: { refNumber: String(v4.referenceNumber) } },
    });
    expect(byReference).toEqual(v4);
  });

  it("are refused on an account of another customer", async () => {
    const { accountId } = await issueCard(clients);
    const stranger = await createCustomer(clients);
    const { status, reason } = await refusal(orderCard(clients, stranger, accountId));
    expect(status).toBe(400);
    expect(reason).toContain("does not belong to customer");
  });
});

describe("transactions", () => {
  it("are listed per account and per card, newest first, paged", async () => {
    const { cardId, accountId } = await issueCard(clients);
    for (const amount of [10, 20, 30]) await authorise(clients, cardId, amount);
    const page = await clients.transactions.GET("/v3/account/{accountId}", {
      params: { path: { accountId }, query: { page: 0, size: 2 } },
    });
    expect(page.map((t) => t.transactionAmount?.amount)).toEqual([30, 20]);
    const last = await clients.transactions.GET("/v3/card/{cardId}", {
      params: { path: { cardId }, query: { page: 1, size: 2 } },
    });
    expect(last.map((t) => t.transactionAmount?.amount)).toEqual([10]);
    const past = await clients.transactions.GET("/v3/card/{cardId}", {
      params: { path: { cardId }, query: { page: 2, size: 2 } },
    });
    expect(past).toEqual([]);
  });

  it("filter by period, given as a pair", async () => {
    const { cardId, accountId } = await issueCard(clients);
    await authorise(clients, cardId, 10);
    sandbox.clock.advance({ days: 2 });
    await authorise(clients, cardId, 20);
    const recent = await clients.transactions.GET("/v3/account/{accountId}", {
      params: { path: { accountId }, query: { fromDate: "2025-01-02T00:00:00", toDate: "2025-01-05T00:00:00" } },
    });
    expect(recent.map((t) => t.transactionAmount?.amount)).toEqual([20]);
    const { reason } = await refusal(
      clients.transactions.GET("/v3/account/{accountId}", {
        params: { path: { accountId }, query: { fromDate: "2025-01-02T00:00:00" } },
      }),
    );
    expect(reason).toBe("query parameter toDate is required together with fromDate");
  });

  it("clear an authorisation's hold when the clearing names its code", async () => {
    const { cardId, accountId } = await issueCard(clients);
    await authorise(clients, cardId, 100);
    const held = sandbox.state.transactions.all()[0];
    expect(sandbox.state.accounts.get(accountId)).toMatchObject({ available: 900, balance: 0 });
    await clients.transactions.POST("/test-api/card/{cardId}", {
      params: { path: { cardId } },
      body: {
        settlementAmount: 100,
        transactionAmount: 100,
        transactionCurrency: "EUR",
        transactionCountry: "FIN",
        transactionType: "RETAIL",
        transactionCity: "Helsinki",
        transactionDetails: "Bike shop",
        sicCode: "5940",
        authCode: String(held?.authorizationCode),
      },
    });
    expect(sandbox.state.accounts.get(accountId)).toMatchObject({ available: 900, balance: -100 });
    expect(sandbox.state.transactions.get(String(held?.id))?.postingStatus).toBe("CLOSED");
  });
});

describe("instalment plans", () => {
  async function plan() {
    const { cardId, accountId } = await issueCard(clients);
    await authorise(clients, cardId, 90);
    const transactionId = String(sandbox.state.transactions.all()[0]?.id);
    const created = await clients.instalments.POST("/v1", {
      body: { from: "TRANSACTION", transactionId, planOptions: { type: "INTEREST_FREE" } },
    });
    return { id: String(created.id), accountId, transactionId };
  }

  it("split into portions, list per account with the status filter, and close once", async () => {
    const { id, accountId, transactionId } = await plan();
    const portions = await clients.instalments.GET("/v1/{instalmentId}/portions", {
      params: { path: { instalmentId: id } },
    });
    expect(portions.data?.map((p) => [p.amount, p.dueDate])).toEqual([
      [30, "2025-02-01"],
      [30, "2025-03-01"],
      [30, "2025-04-01"],
    ]);
    const filter = clients.instalments.filter("/v1/account/{accountId}").anyOf("status", ["OPEN", "WAITING"]);
    const open = await clients.instalments.GET("/v1/account/{accountId}", {
      params: { path: { accountId }, query: { filter: String(filter) } },
    });
    expect(open.data?.map((p) => p.id)).toEqual([id]);
    await clients.instalments.PATCH("/v1/close", { body: { instalmentId: id } });
    const closedOnly = await clients.instalments.GET("/v1/account/{accountId}", {
      params: { path: { accountId }, query: { filter: "status eq OPEN" } },
    });
    expect(closedOnly).toMatchObject({ data: [], pagination: { page: 0, pages: 0, elements: 0 } });
    const { status, reason } = await refusal(
      clients.instalments.POST("/v1/{instalmentId}/close", { params: { path: { instalmentId: id } } }),
    );
    expect(status).toBe(400);
    expect(reason).toContain("already CLOSED");
    expect(
      (await clients.instalments.GET("/v1/transaction/{transactionId}", { params: { path: { transactionId } } }))
        .status,
    ).toBe("CLOSED");
  });

  it("refuse filter fields and values the docs do not list", async () => {
    const { reason } = await refusal(
      clients.instalments.GET("/v1/account/{accountId}", {
        params: { path: { accountId: "1" }, query: { filter: "status eq GONE" } },
      }),
    );
    expect(reason).toContain("GONE is not a value of status");
  });

  it("refuse a second plan for the same transaction and an unknown plan", async () => {
    const { transactionId } = await plan();
    const second = await refusal(
      clients.instalments.POST("/v1", {
        body: { from: "TRANSACTION", transactionId, planOptions: { type: "INTEREST_FREE" } },
      }),
    );
    expect(second.reason).toContain("already an instalment plan");
    const unknown = await refusal(
      clients.instalments.GET("/v1/{instalmentId}", { params: { path: { instalmentId: "1" } } }),
    );
    expect(unknown).toEqual({ status: 404, reason: 'instalment plan "1" does not exist' });
  });
});

describe("transfers", () => {
  it("move money between accounts, or fail the debit when the source cannot pay", async () => {
    const customerId = await createCustomer(clients);
    const from = await createCreditAccount(clients, customerId, 100);
    const to = await createCreditAccount(clients, customerId, 0);
    const done = await clients.transfers.POST("/v1/a2a", {
      body: { fromAccountId: from, toAccountId: to, amount: 60, currency: "EUR" },
    });
    expect(done.status).toBe("COMPLETED");
    expect(sandbox.state.accounts.get(from)).toMatchObject({ balance: -60, available: 40 });
    expect(sandbox.state.accounts.get(to)).toMatchObject({ balance: 60, available: 60 });
    const failed = await clients.transfers.POST("/v1/a2a", {
      body: { fromAccountId: from, toAccountId: to, amount: 60, currency: "EUR" },
    });
    expect(failed.status).toBe("DEBIT_FAILED");
    expect(sandbox.state.accounts.get(from)).toMatchObject({ available: 40 });
  });

  it("page a batch's items with exclusiveStartKey", async () => {
    const customerId = await createCustomer(clients);
    const from = await createCreditAccount(clients, customerId, 1000);
    const to = await createCreditAccount(clients, customerId, 0);
    const transfers = [1, 2, 3].map((amount) => ({ fromAccountId: from, toAccountId: to, amount, currency: "EUR" }));
    const batch = await clients.transfers.POST("/v1/a2a/batches", { body: { transfers } });
    expect(batch).toMatchObject({ status: "COMPLETED", transferItemCount: 3, totalAmount: { EUR: 6 } });
    const first = await clients.transfers.GET("/v1/a2a/batches/{id}", {
      params: { path: { id: String(batch.id) }, query: { size: 2 } },
    });
    expect(first.transfers.items?.map((item) => item.amount)).toEqual([1, 2]);
    const next = await clients.transfers.GET("/v1/a2a/batches/{id}", {
      params: {
        path: { id: String(batch.id) },
        query: { size: 2, exclusiveStartKey: first.transfers.lastEvaluatedKey },
      },
    });
    expect(next.transfers.items?.map((item) => item.amount)).toEqual([3]);
    expect(next.transfers.lastEvaluatedKey).toBeUndefined();
  });
});
