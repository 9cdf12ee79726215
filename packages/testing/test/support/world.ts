// Clients on a sandbox, and the few steps most tests start from (a customer with a credit account
// and a card), written the way an integrator would write them.
import { createAccountClient } from "@enfuce-sdk/account";
import { createCardClient } from "@enfuce-sdk/card";
import { createCustomerClient } from "@enfuce-sdk/customer";
import { createInstalmentClient } from "@enfuce-sdk/instalment";
import { createTestApiClient } from "@enfuce-sdk/test-api";
import { createTransactionClient } from "@enfuce-sdk/transaction";
import { createTransferClient } from "@enfuce-sdk/transfer";
import type { Sandbox, SandboxDomain } from "../../src";

export const RECEIVER_CREDENTIALS = { username: "enfuce", password: "receiver-secret" };

export function clientsOf(sandbox: Sandbox, extra: { maxRetries?: number; timeout?: number } = {}) {
  const options = (domain: SandboxDomain) => ({
    ...sandbox.clientOptions(domain),
    auditUser: "sandbox-test",
    throwOnError: true as const,
    maxRetries: 0,
    ...extra,
  });
  return {
    customers: createCustomerClient(options("customer")),
    accounts: createAccountClient(options("account")),
    cards: createCardClient(options("card")),
    testApi: createTestApiClient(options("test-api")),
    transactions: createTransactionClient(options("transaction")),
    instalments: createInstalmentClient(options("instalment")),
    transfers: createTransferClient(options("transfer")),
  };
}

export type Clients = ReturnType<typeof clientsOf>;

let customerNumbers = 0;

export async function createCustomer(clients: Clients): Promise<string> {
  customerNumbers++;
  const customer = await clients.customers.POST("/v3/PRIVATE", {
    body: {
      customerNumber: `CUST-${customerNumbers}`,
      locale: "fi_FI",
      regNo: `19560606-${1000 + customerNumbers}`,
      address: { address1: "Kings street 12", city: "Mariehamn", country: "FIN", zipCode: "22100" },
      firstName: "Matti",
      lastName: "Korhonen",
    },
  });
  return String(customer.id);
}

export async function createCreditAccount(clients: Clients, customerId: string, creditLimit = 1000): Promise<string> {
  const account = await clients.accounts.POST("/v4/CREDIT/customer/{customerId}", {
    params: { path: { customerId } },
    body: { creditLimit },
  });
  return String(account.id);
}

export async function orderCard(clients: Clients, customerId: string, accountId: string): Promise<string> {
  const card = await clients.cards.POST("/v4/MC_CARD/customer/{customerId}/account/{accountId}/{cardRole}", {
    params: { path: { customerId, accountId, cardRole: "MAIN" } },
    body: { embossing: { firstName: "Matti", lastName: "Korhonen" } },
  });
  return String(card.id);
}

/** A customer with a credit account (limit 1000 EUR) and a Mastercard on it. */
export async function issueCard(clients: Clients) {
  const customerId = await createCustomer(clients);
  const accountId = await createCreditAccount(clients, customerId);
  const cardId = await orderCard(clients, customerId, accountId);
  return { customerId, accountId, cardId };
}

/** A Test API authorisation of `amount` EUR on the card. */
export function authorise(clients: Clients, cardId: string, amount: number) {
  return clients.testApi.POST("/v1/authorizations/request", {
    body: { card: { cardId }, transactionData: { transactionAmount: { amount, currency: "EUR" } } },
  });
}
