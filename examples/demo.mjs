// The Quick start demo: a card's life, start to end. A customer, a credit account and a card; an
// authorisation that your own authorisation-control receiver (built with this SDK, on a local port)
// decides; the notification it causes; the purchase turned into an instalment plan, closed, and
// read back CLOSED.
//
// It runs on @enfuce-sdk/testing's in-process sandbox unless ENFUCE_ENVIRONMENT, ENFUCE_REALM,
// ENFUCE_USERNAME, ENFUCE_PASSWORD and ENFUCE_AUDIT_USER are all set; then it talks to that Enfuce
// environment (the Test API exists in DEMO only), where Enfuce calls the authorisation-control
// endpoint configured for your programme instead of the local one.
// It imports the built packages by name, exactly as an application would.
import { createServer } from "node:http";
import { createAccountClient } from "@enfuce-sdk/account";
import { createAuthorisationControlHandler } from "@enfuce-sdk/authorisation-control";
import { createCardClient } from "@enfuce-sdk/card";
import { createCustomerClient } from "@enfuce-sdk/customer";
import { createInstalmentClient, EnfuceError } from "@enfuce-sdk/instalment";
import { createNotificationHandler } from "@enfuce-sdk/notification";
import { createTestApiClient } from "@enfuce-sdk/test-api";
import { createSandbox } from "@enfuce-sdk/testing";
import { createTransactionClient } from "@enfuce-sdk/transaction";

const REAL = ["ENFUCE_ENVIRONMENT", "ENFUCE_REALM", "ENFUCE_USERNAME", "ENFUCE_PASSWORD", "ENFUCE_AUDIT_USER"];
// What Enfuce presents to your receivers, and what they check.
const RECEIVER_CREDENTIALS = { username: "enfuce", password: "demo-receiver-secret" };
// Your rule: purchases up to this amount are approved.
const APPROVAL_LIMIT = 500;

/** Your receivers, on one local port: POST /auth decides, POST /v1/notification logs. */
async function startReceivers() {
  const authorisations = createAuthorisationControlHandler({
    credentials: RECEIVER_CREDENTIALS,
    deadlineMs: 800,
    fallback: { transactionData: { authResponseCode: { code: "05" } } },
    onAuthorisation(request) {
      const { amount, currency } = request.transactionData.transactionAmount ?? {};
      const code = amount <= APPROVAL_LIMIT ? "00" : "05";
      console.log(`  your receiver: authorisation of ${amount} ${currency} on card ${request.card.cardId} -> ${code}`);
      return { transactionData: { authResponseCode: { code } } };
    },
  });
  const notifications = createNotificationHandler({
    credentials: RECEIVER_CREDENTIALS,
    onNotification(notification) {
      console.log(
        `  your receiver: notification ${notification.type}/${notification.subType ?? "-"} (id ${notification.id})`,
      );
    },
  });
  const server = createServer((request, response) => {
    const handler = request.url?.startsWith("/v1/notification") ? notifications : authorisations;
    handler.node(request, response);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function connection() {
  if (REAL.every((name) => process.env[name])) {
    const shared = {
      environment: process.env.ENFUCE_ENVIRONMENT,
      realm: process.env.ENFUCE_REALM,
      credentials: { username: process.env.ENFUCE_USERNAME, password: process.env.ENFUCE_PASSWORD },
      auditUser: process.env.ENFUCE_AUDIT_USER,
    };
    return {
      where: `${shared.environment}/${shared.realm}`,
      options: () => shared,
      settled: async () => {},
      stop: async () => {},
    };
  }
  const receivers = await startReceivers();
  const sandbox = createSandbox();
  sandbox.webhooks({
    credentials: RECEIVER_CREDENTIALS,
    authorisationControl: receivers.url,
    notification: receivers.url,
  });
  return {
    where: `the in-process sandbox (@enfuce-sdk/testing), with your receivers on ${receivers.url}`,
    options: (domain) => ({ ...sandbox.clientOptions(domain), auditUser: "quickstart-demo" }),
    settled: () => sandbox.settled(),
    stop: async () => {
      await sandbox.close();
      await receivers.stop();
    },
  };
}

async function main() {
  const target = await connection();
  try {
    console.log(`Talking to ${target.where}.\n`);
    const client = (create, domain) => create({ ...target.options(domain), throwOnError: true });
    const customers = client(createCustomerClient, "customer");
    const accounts = client(createAccountClient, "account");
    const cards = client(createCardClient, "card");
    const testApi = client(createTestApiClient, "test-api");
    const transactions = client(createTransactionClient, "transaction");
    const instalments = client(createInstalmentClient, "instalment");

    const customer = await customers.POST("/v3/PRIVATE", {
      body: {
        customerNumber: `DEMO-${Date.now()}`,
        locale: "fi_FI",
        regNo: "19560606-1234",
        address: { address1: "Kings street 12", city: "Mariehamn", country: "FIN", zipCode: "22100" },
        firstName: "Matti",
        lastName: "Korhonen",
      },
    });
    const customerId = String(customer.id);
    console.log(`1. Customer ${customerId} created.`);
    const account = await accounts.POST("/v4/CREDIT/customer/{customerId}", {
      params: { path: { customerId } },
      body: { creditLimit: 1000, name: "Everyday credit" },
    });
    const accountId = String(account.id);
    console.log(`2. Credit account ${accountId} opened (limit 1000).`);
    const card = await cards.POST("/v4/MC_CARD/customer/{customerId}/account/{accountId}/{cardRole}", {
      params: { path: { customerId, accountId, cardRole: "MAIN" } },
      body: { embossing: { firstName: "Matti", lastName: "Korhonen" } },
    });
    const cardId = String(card.id);
    console.log(`3. Card ${cardId} ordered.`);

    console.log("4. A 120.00 EUR purchase at a bike shop arrives from the card scheme:");
    const authorisation = await testApi.POST("/v1/authorizations/request", {
      body: {
        card: { cardId },
        transactionData: { transactionAmount: { amount: 120, currency: "EUR" }, transactionType: "RETAIL" },
        merchantData: {
          merchantName: "Bike shop",
          merchantCity: "Helsinki",
          merchantCountry: "FIN",
          merchantCategoryCode: "5940",
        },
      },
    });
    console.log(`   Enfuce answered the scheme: response code ${authorisation.transactionData?.authResponseCode}.`);
    await target.settled();
    const afterPurchase = await accounts.GET("/v4/{id}", { params: { path: { id: accountId } } });
    console.log(`   Account ${accountId}: available ${afterPurchase.available} of ${afterPurchase.creditLimit}.`);

    const [purchase] = await transactions.GET("/v3/card/{cardId}", { params: { path: { cardId } } });
    console.log(
      `5. Transaction ${purchase.id}: ${purchase.transactionAmount?.amount} ${purchase.transactionAmount?.currency}, ${purchase.postingStatus}.`,
    );
    const plan = await instalments.POST("/v1", {
      body: {
        from: "TRANSACTION",
        transactionId: String(purchase.id),
        planOptions: { type: "BUY_NOW_PAY_LATER", shift: 2 },
      },
    });
    const created = await instalments.GET("/v1/{instalmentId}", {
      params: { path: { instalmentId: String(plan.id) } },
    });
    console.log(`6. Instalment plan ${plan.id}: ${created.status}, first payment due ${created.firstPayment}.`);
    await instalments.POST("/v1/{instalmentId}/close", { params: { path: { instalmentId: String(plan.id) } } });
    const closed = await instalments.GET("/v1/{instalmentId}", { params: { path: { instalmentId: String(plan.id) } } });
    console.log(
      `7. Plan ${plan.id} closed and read back: status ${closed.status}, last updated ${closed.lastUpdated}.`,
    );
  } catch (error) {
    if (error instanceof EnfuceError) {
      console.error(`\nThe demo failed: ${error.message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    await target.stop();
  }
}

await main();
