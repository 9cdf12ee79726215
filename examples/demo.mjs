// The Quick start demo: list an account's instalment plans, close one, read the account.
// It talks to the Prism mock of the specs unless ENFUCE_ENVIRONMENT, ENFUCE_REALM,
// ENFUCE_USERNAME, ENFUCE_PASSWORD and ENFUCE_AUDIT_USER are all set, then to that environment.
// It imports the built packages by name, exactly as an application would.
import { createAccountClient } from "@enfuce-sdk/account";
import { createInstalmentClient, EnfuceError } from "@enfuce-sdk/instalment";
import { startMock } from "@enfuce-sdk/mock";

const ACCOUNT_ID = process.env.ENFUCE_DEMO_ACCOUNT_ID ?? "677654434532";
const REAL = ["ENFUCE_ENVIRONMENT", "ENFUCE_REALM", "ENFUCE_USERNAME", "ENFUCE_PASSWORD", "ENFUCE_AUDIT_USER"];

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
      instalment: shared,
      account: shared,
      stop: async () => {},
    };
  }
  console.log("Starting the Prism mock of specs/instalment.yaml and specs/account.yaml ...");
  const mock = await startMock(["instalment", "account"]);
  const shared = { credentials: { username: "demo", password: "demo-password" }, auditUser: "quickstart-demo" };
  return {
    where: "the Prism mock",
    instalment: { ...shared, baseUrl: mock.urls.instalment },
    account: { ...shared, baseUrl: mock.urls.account },
    stop: mock.stop,
  };
}

const money = (amount, currency) => (amount === undefined ? "-" : `${amount.toFixed(2)} ${currency ?? ""}`.trim());

async function main() {
  const target = await connection();
  try {
    console.log(`Talking to ${target.where}.\n`);
    const instalments = createInstalmentClient({ ...target.instalment, throwOnError: true });
    const accounts = createAccountClient({ ...target.account, throwOnError: true });

    const page = await instalments.GET("/v1/account/{accountId}", {
      params: { path: { accountId: ACCOUNT_ID }, query: { page: 0, size: 50 } },
    });
    // Neither member is required by the docs: read them tolerantly.
    const { pages = "?", elements = "?" } = page.pagination ?? {};
    console.log(`Instalment plans of account ${ACCOUNT_ID} (first page of ${pages}, ${elements} plans in all):`);
    const plans = page.data ?? [];
    for (const plan of plans) {
      console.log(
        `  plan ${plan.id}  ${String(plan.status).padEnd(8)}  total ${money(plan.totalAmount, plan.currency)}  due ${money(plan.dueAmount, plan.currency)}  ${plan.description ?? ""}`,
      );
    }

    const open = plans[0];
    if (open?.id) {
      const closed = await instalments.POST("/v1/{instalmentId}/close", {
        params: { path: { instalmentId: String(open.id) } },
      });
      console.log(`\nClosed plan ${open.id}: status is now ${closed.status}, last updated ${closed.lastUpdated}.`);
    }

    const account = await accounts.GET("/v4/{id}", { params: { path: { id: ACCOUNT_ID } } });
    console.log(
      `\nAccount ${account.id}: number ${account.number ?? "-"}, status ${account.status ?? "-"}, currency ${account.currency ?? "-"}.`,
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
