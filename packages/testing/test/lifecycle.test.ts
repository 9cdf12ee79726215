// The card-issuing flow the sandbox exists for, through the published clients and receivers:
// customer, account, card; an authorisation decided by your authorisation-control receiver; the
// notification it causes; the transaction turned into an instalment plan, closed and read back.
import { type AuthorisationRequest, createAuthorisationControlHandler } from "@enfuce-sdk/authorisation-control";
import { createNotificationHandler, type Notification } from "@enfuce-sdk/notification";
import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../src";
import { clientsOf, issueCard, RECEIVER_CREDENTIALS } from "./support/world";

const APPROVE = { transactionData: { authResponseCode: { code: "00" } } };

let sandbox: Sandbox;
let decisions: AuthorisationRequest[];
let notifications: Notification[];

const clients = () => clientsOf(sandbox);

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

describe("the card lifecycle on the sandbox", () => {
  it("issues, authorises through your receiver, notifies, turns the purchase into a plan and closes it", async () => {
    const { accountId, cardId } = await issueCard(clients());
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
