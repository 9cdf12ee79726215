// The card-issuing flow the sandbox exists for, through the published clients and receivers:
// customer, account, card; an authorisation decided by your authorisation-control receiver; the
// notification it causes; the transaction turned into an instalment plan, closed and read back.
import { createAccountClient } from "@enfuce-sdk/account";
import { type AuthorisationRequest, createAuthorisationControlHandler } from "@enfuce-sdk/authorisation-control";
import { createCardClient } from "@enfuce-sdk/card";
import { createCustomerClient } from "@enfuce-sdk/customer";
import { createInstalmentClient } from "@enfuce-sdk/instalment";
import { createNotificationHandler, type Notification } from "@enfuce-sdk/notification";
import { createTestApiClient } from "@enfuce-sdk/test-api";
import { createTransactionClient } from "@enfuce-sdk/transaction";
import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../src";

const RECEIVER_CREDENTIALS = { username: "enfuce", password: "receiver-secret" };
const APPROVE = { transactionData: { authResponseCode: { code: "00" } } };

let sandbox: Sandbox;
let decisions: AuthorisationRequest[];
let notifications: Notification[];

function clients() {
  const options = (domain: Parameters<Sandbox["clientOptions"]>[0]) => ({
    ...sandbox.clientOptions(domain),
    auditUser: "lifecycle-test",
    throwOnError: true as const,
    maxRetries: 0,
  });
  return {
    customers: createCustomerClient(options("customer")),
    accounts: createAccountClient(options("account")),
    cards: createCardClient(options("card")),
    testApi: createTestApiClient(options("test-api")),
    transactions: createTransactionClient(options("transaction")),
    instalments: createInstalmentClient(options("instalment")),
  };
}

beforeEach(() => {
  sandbox = createSandbox({ seed: "lifecycle" });
  decisions = [];
  notifications = [];
  sandbox.webhooks({
    credentials: RECEIVER_CREDENTIALS,
    authorisationControl: createAuthorisationControlHandler({
      credentials: RECEIVER_CREDENTIALS,
      deadlineMs: 500,
      fallback: { transactionData: { authResponseCode: { code: "05" } } },
      onAuthorisation: (request) => {
        decisions.push(request);
        return APPROVE;
      },
    }),
    notification: createNotificationHandler({
      credentials: RECEIVER_CREDENTIALS,
      onNotification: (notification) => {
        notifications.push(notification);
      },
    }),
  });
});

async function issueCard() {
  const { customers, accounts, cards } = clients();
  const customer = await customers.POST("/v3/PRIVATE", {
    body: {
      customerNumber: "CUST-0001",
      locale: "fi_FI",
      regNo: "19560606-1234",
      address: { address1: "Kings street 12", city: "Mariehamn", country: "FIN", zipCode: "22100" },
      firstName: "Matti",
      lastName: "Korhonen",
    },
  });
  const account = await accounts.POST("/v4/CREDIT/customer/{customerId}", {
    params: { path: { customerId: String(customer.id) } },
    body: { creditLimit: 1000, name: "Everyday credit" },
  });
  const card = await cards.POST("/v4/MC_CARD/customer/{customerId}/account/{accountId}/{cardRole}", {
    params: { path: { customerId: String(customer.id), accountId: String(account.id), cardRole: "MAIN" } },
    body: { embossing: { firstName: "Matti", lastName: "Korhonen" } },
  });
  return { customerId: String(customer.id), accountId: String(account.id), cardId: String(card.id) };
}

describe("the card lifecycle on the sandbox", () => {
  it("issues, authorises through your receiver, notifies, turns the purchase into a plan and closes it", async () => {
    const { accountId, cardId } = await issueCard();
    const { testApi, transactions, instalments, accounts } = clients();

    const authorisation = await testApi.POST("/v1/authorizations/request", {
      body: {
        card: { cardId },
        transactionData: {
          transactionAmount: { amount: 120, currency: "EUR" },
          transactionType: "RETAIL",
        },
        merchantData: {
          merchantName: "Bike shop",
          merchantCity: "Helsinki",
          merchantCountry: "FIN",
          merchantCategoryCode: "5940",
        },
      },
    });
    expect(authorisation.transactionData.authResponseCode).toBe("00");
    expect(decisions).toHaveLength(1);
    expect(decisions[0]?.card.cardId).toBe(cardId);
    expect(decisions[0]?.transactionData.transactionAmount).toEqual({ amount: 120, currency: "EUR" });

    const account = await accounts.GET("/v4/{id}", { params: { path: { id: accountId } } });
    expect(account.available).toBe(880);

    await sandbox.settled();
    expect(notifications.map((n) => `${n.type}/${"subType" in n ? n.subType : ""}`)).toEqual([
      "ACCOUNT/CREATED",
      "CARD/PRODUCTION_EVENT",
      "TRANSACTION/AUTH",
    ]);

    const listed = await transactions.GET("/v3/card/{cardId}", { params: { path: { cardId } } });
    expect(listed).toHaveLength(1);
    const transactionId = String(listed[0]?.id);

    const plan = await instalments.POST("/v1", {
      body: { from: "TRANSACTION", transactionId, planOptions: { type: "BUY_NOW_PAY_LATER", shift: 2 } },
    });
    const closed = await instalments.POST("/v1/{instalmentId}/close", {
      params: { path: { instalmentId: String(plan.id) } },
    });
    expect(closed.status).toBe("CLOSED");
    const readBack = await instalments.GET("/v1/{instalmentId}", {
      params: { path: { instalmentId: String(plan.id) } },
    });
    expect(readBack.status).toBe("CLOSED");
    expect(readBack.totalAmount).toBe(120);
  });
});
