// The client's paginate() walks the sandbox's lists to the end in each documented paging style:
// a plain list, a `{ pagination, data }` wrapper, and the batch items' continuation key.
import { describe, expect, it } from "vitest";
import { createSandbox } from "../src";
import { authorise, clientsOf, createCreditAccount, createCustomer, issueCard } from "./support/world";

const sandbox = createSandbox({ seed: "paging" });
const clients = clientsOf(sandbox);

describe("paginate() on the sandbox", () => {
  it("walks a plain list page by page", async () => {
    const { cardId, accountId } = await issueCard(clients);
    for (const amount of [1, 2, 3, 4, 5]) await authorise(clients, cardId, amount);
    const before = sandbox.requests.length;
    const amounts = (
      await clients.transactions
        .paginate("/v3/account/{accountId}", { params: { path: { accountId }, query: { size: 2 } } })
        .toArray()
    ).map((t) => t.transactionAmount?.amount);
    expect(amounts).toEqual([5, 4, 3, 2, 1]);
    // Pages 0-2 hold the five; the client stops at the short last page or asks once more.
    expect(
      sandbox.requests
        .slice(before)
        .map((r) => r.params?.query.page)
        .slice(0, 3),
    ).toEqual([0, 1, 2]);
  });

  it("walks a { pagination, data } list", async () => {
    const { cardId, accountId } = await issueCard(clients);
    for (const amount of [10, 20, 30]) await authorise(clients, cardId, amount);
    for (const transaction of sandbox.state.transactions.all().filter((t) => t.accountId === accountId)) {
      await clients.instalments.POST("/v1", {
        body: { from: "TRANSACTION", transactionId: transaction.id, planOptions: { type: "BUY_NOW_PAY_LATER" } },
      });
    }
    const plans = await clients.instalments
      .paginate("/v1/account/{accountId}", { params: { path: { accountId }, query: { size: 1 } } })
      .toArray();
    expect(plans.map((plan) => plan.totalAmount)).toEqual([10, 20, 30]);
  });

  it("follows the continuation key of a batch's items", async () => {
    const customerId = await createCustomer(clients);
    const from = await createCreditAccount(clients, customerId, 1000);
    const to = await createCreditAccount(clients, customerId, 0);
    const transfers = [1, 2, 3, 4, 5].map((amount) => ({
      fromAccountId: from,
      toAccountId: to,
      amount,
      currency: "EUR",
    }));
    const batch = await clients.transfers.POST("/v1/a2a/batches", { body: { transfers } });
    const items = await clients.transfers
      .paginate("/v1/a2a/batches/{id}", { params: { path: { id: String(batch.id) }, query: { size: 2 } } })
      .toArray();
    expect(items.map((item) => item.amount)).toEqual([1, 2, 3, 4, 5]);
  });
});
