// The in-process sandbox (@enfuce-sdk/testing) beside Prism, the independent mock the contract
// tests use: how long each takes from nothing to its first answer, and how many simple GETs per
// second the instalment client gets through each. Cold starts run in fresh processes (median of
// five); throughput runs in interleaved rounds, as the other benches do, and is reported as a ratio
// to Prism measured in the same rounds. Targets: a start under 50 ms and at least 5,000 GETs per
// second through `sandbox.fetch`. Nothing here asserts a time.
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createInstalmentClient } from "@enfuce-sdk/instalment";
import { startMock } from "@enfuce-sdk/mock";
import { createSandbox } from "@enfuce-sdk/testing";
import { median } from "./stats.mjs";

const COLD_STARTS = 5;
const PRISM_STARTS = 3;
const ROUNDS = 7;
const WARMUP = 500;
const REQUESTS = 2000;
const PRISM_REQUESTS = 300;

const ms = (value) => `${value.toFixed(1)} ms`;

async function coldStart(target) {
  const child = fork(fileURLToPath(new URL("./sandbox-startup.mjs", import.meta.url)), [target]);
  const [message] = await once(child, "message");
  await once(child, "exit");
  return message;
}

async function prismStart() {
  const started = performance.now();
  const mock = await startMock(["instalment"]);
  return { mock, startMs: performance.now() - started };
}

/** Requests per second for `requests` sequential calls. */
async function rate(call, requests) {
  const begin = performance.now();
  for (let index = 0; index < requests; index++) await call();
  return requests / ((performance.now() - begin) / 1000);
}

/** A plan to read: the sandbox answers a stateful GET, with validation and shaping, not an example. */
async function seededSandbox() {
  const sandbox = createSandbox({ seed: "bench" });
  const post = async (path, body) => {
    const response = await sandbox.fetch(`https://sandbox${path}${path.includes("?") ? "&" : "?"}auditUser=bench`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("sandbox:sandbox-password").toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const customer = await post("/customer/v3/CORPORATE", {
    name: "Bench Oy",
    customerNumber: "B-1",
    locale: "fi_FI",
    regNo: "1-1",
    address: {},
  });
  const account = await post(`/account/v4/CREDIT/customer/${customer.id}`, { creditLimit: 1000 });
  const card = await post(`/card/v4/MC_CARD/customer/${customer.id}/account/${account.id}/MAIN`, {});
  await post("/test-api/v1/authorizations/request", {
    card: { cardId: card.id },
    transactionData: { transactionAmount: { amount: 100, currency: "EUR" } },
  });
  const [transaction] = sandbox.state.transactions.all();
  const plan = await post("/instalment/v1", {
    from: "TRANSACTION",
    transactionId: transaction.id,
    planOptions: { type: "INTEREST_FREE" },
  });
  return { sandbox, planId: plan.id };
}

export async function benchSandbox() {
  const starts = [];
  for (let index = 0; index < COLD_STARTS; index++) starts.push(await coldStart("sandbox"));
  const clientImports = [];
  for (let index = 0; index < COLD_STARTS; index++) clientImports.push((await coldStart("client")).importMs);
  const prismStarts = [];
  let prism;
  for (let index = 0; index < PRISM_STARTS; index++) {
    const started = await prismStart();
    prismStarts.push(started.startMs);
    if (index < PRISM_STARTS - 1) await started.mock.stop();
    else prism = started.mock;
  }
  try {
    const startMs = median(starts.map((s) => s.startMs));
    const prismMs = median(prismStarts);
    console.log(
      "\nSandbox (@enfuce-sdk/testing) beside Prism, instalment spec; cold starts in fresh processes, medians",
    );
    console.table([
      { what: "import @enfuce-sdk/instalment (baseline, any test loads it)", time: ms(median(clientImports)) },
      { what: "import @enfuce-sdk/testing", time: ms(median(starts.map((s) => s.importMs))) },
      { what: "createSandbox() until its first answer (target < 50 ms)", time: ms(startMs) },
      {
        what: "Prism: start until it answers",
        time: ms(prismMs),
        "sandbox is": `${(prismMs / startMs).toFixed(0)}x faster`,
      },
    ]);

    const { sandbox, planId } = await seededSandbox();
    const options = { credentials: sandbox.credentials, auditUser: "bench", maxRetries: 0, throwOnError: true };
    const viaSandbox = createInstalmentClient({ ...sandbox.clientOptions("instalment"), ...options });
    const viaPrism = createInstalmentClient({ baseUrl: prism.urls.instalment, ...options });
    const read = (client, instalmentId) => () =>
      client.GET("/v1/{instalmentId}", { params: { path: { instalmentId } } });
    const rawRequest = () =>
      sandbox
        .fetch(`https://sandbox/instalment/v1/${planId}?auditUser=bench`, {
          headers: { authorization: `Basic ${Buffer.from("sandbox:sandbox-password").toString("base64")}` },
        })
        .then((response) => response.json());
    const contenders = [
      { name: "instalment client -> sandbox.fetch", call: read(viaSandbox, planId), requests: REQUESTS },
      { name: "sandbox.fetch alone (no client)", call: rawRequest, requests: REQUESTS },
      { name: "instalment client -> Prism (HTTP)", call: read(viaPrism, "678543"), requests: PRISM_REQUESTS },
    ];
    for (const contender of contenders) await rate(contender.call, WARMUP / (contender.requests === REQUESTS ? 1 : 5));
    const rates = new Map(contenders.map((c) => [c.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (let turn = 0; turn < contenders.length; turn++) {
        const contender = contenders[(round + turn) % contenders.length];
        rates.get(contender.name).push(await rate(contender.call, contender.requests));
      }
    }
    const prismRates = rates.get("instalment client -> Prism (HTTP)");
    console.log(
      `GET /v1/{instalmentId}, sequential, ${ROUNDS} interleaved rounds (target >= 5,000 req/s through sandbox.fetch)`,
    );
    const rows = contenders.map(({ name }) => ({
      client: name,
      "req/s": Math.round(median(rates.get(name))),
      vsPrism: median(rates.get(name).map((value, round) => value / prismRates[round])),
    }));
    console.table(rows.map(({ vsPrism, ...row }) => ({ ...row, "vs Prism": `${vsPrism.toFixed(1)}x` })));
    await sandbox.close();
    const { "req/s": perSecond, vsPrism } = rows[0];
    return { startMs, perSecond, vsPrism };
  } finally {
    await prism.stop();
  }
}
