// An integrator's test suite that installs only @enfuce-sdk/testing and the domain packages it
// calls, and runs a card's whole life on the sandbox with no network: any socket opened fails it.
import assert from "node:assert/strict";
import net from "node:net";
import { test } from "node:test";
import { createAccountClient } from "@enfuce-sdk/account";
import { createAuthorisationControlHandler } from "@enfuce-sdk/authorisation-control";
import { createCardClient } from "@enfuce-sdk/card";
import { createCustomerClient } from "@enfuce-sdk/customer";
import { createInstalmentClient } from "@enfuce-sdk/instalment";
import { createNotificationHandler } from "@enfuce-sdk/notification";
import { createTestApiClient } from "@enfuce-sdk/test-api";
import { createSandbox } from "@enfuce-sdk/testing";
import { createTransactionClient } from "@enfuce-sdk/transaction";

net.Socket.prototype.connect = () => {
  throw new Error("the sandbox test opened a network connection");
};

const credentials = { username: "enfuce", password: "receiver-secret" };

test("a card's life on the sandbox, offline", async () => {
  const sandbox = createSandbox({ seed: "consumer" });
  const decided = [];
  const notified = [];
  sandbox.webhooks({
    credentials,
    authorisationControl: createAuthorisationControlHandler({
      credentials,
      deadlineMs: 500,
      fallback: { transactionData: { authResponseCode: { code: "05" } } },
      onAuthorisation: (request) => {
        decided.push(request.transactionData.transactionAmount);
        return { transactionData: { authResponseCode: { code: "00" } } };
      },
    }),
    notification: createNotificationHandler({
      credentials,
      onNotification: (n) => void notified.push(`${n.type}/${n.subType}`),
    }),
  });
  const options = (domain) => ({ ...sandbox.clientOptions(domain), auditUser: "consumer", throwOnError: true });
  const customers = createCustomerClient(options("customer"));
  const accounts = createAccountClient(options("account"));
  const cards = createCardClient(options("card"));
  const testApi = createTestApiClient(options("test-api"));
  const transactions = createTransactionClient(options("transaction"));
  const instalments = createInstalmentClient(options("instalment"));

  const { id: customerId } = await customers.POST("/v3/PRIVATE", {
    body: {
      customerNumber: "C-1",
      locale: "fi_FI",
      regNo: "19560606-1234",
      address: { address1: "Kings street 12", city: "Mariehamn", country: "FIN", zipCode: "22100" },
      firstName: "Matti",
      lastName: "Korhonen",
    },
  });
  const { id: accountId } = await accounts.POST("/v4/CREDIT/customer/{customerId}", {
    params: { path: { customerId: String(customerId) } },
    body: { creditLimit: 1000 },
  });
  const { id: cardId } = await cards.POST("/v4/MC_CARD/customer/{customerId}/account/{accountId}/{cardRole}", {
    params: { path: { customerId: String(customerId), accountId: String(accountId), cardRole: "MAIN" } },
    body: {},
  });
  const answer = await testApi.POST("/v1/authorizations/request", {
    body: {
      card: { cardId: String(cardId) },
      transactionData: { transactionAmount: { amount: 120, currency: "EUR" } },
    },
  });
  assert.equal(answer.transactionData.authResponseCode, "00");
  assert.deepEqual(decided, [{ amount: 120, currency: "EUR" }]);
  assert.equal((await accounts.GET("/v4/{id}", { params: { path: { id: String(accountId) } } })).available, 880);

  await sandbox.settled();
  assert.deepEqual(notified, ["ACCOUNT/CREATED", "CARD/PRODUCTION_EVENT", "TRANSACTION/AUTH"]);

  const [purchase] = await transactions.GET("/v3/card/{cardId}", { params: { path: { cardId: String(cardId) } } });
  const plan = await instalments.POST("/v1", {
    body: {
      from: "TRANSACTION",
      transactionId: String(purchase.id),
      planOptions: { type: "BUY_NOW_PAY_LATER", shift: 2 },
    },
  });
  await instalments.POST("/v1/{instalmentId}/close", { params: { path: { instalmentId: String(plan.id) } } });
  const closed = await instalments.GET("/v1/{instalmentId}", { params: { path: { instalmentId: String(plan.id) } } });
  assert.equal(closed.status, "CLOSED");
  await sandbox.close();
  console.log(`sandbox: card ${cardId} authorised, plan ${plan.id} read back ${closed.status}, offline`);
});
