// `pnpm bench`: throughput of the SDK against raw fetch and the usual alternatives, then package
// sizes. One run on 127.0.0.1; clients take turns within each round (the order rotates) so that
// drift in machine load hits all of them alike. Speed is reported as a ratio to raw fetch measured
// in the same rounds; nothing here asserts a time.
import { deepStrictEqual } from "node:assert";
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createClients } from "./clients.mjs";
import { AUTHORIZATION, INSTALMENT, REQUEST_PATH } from "./fixture.mjs";
import { printGoals } from "./goals.mjs";
import { reportSizes } from "./sizes.mjs";
import { benchStartup } from "./startup.mjs";
import { median } from "./stats.mjs";

const ROUNDS = 10;
const MODES = [
  { name: "sequential", inFlight: 1, warmup: 300, requests: 400 },
  { name: "32 in flight", inFlight: 32, warmup: 1000, requests: 1500 },
];
/** The whole run stops here even if a client hangs. */
const DEADLINE_MS = 10 * 60_000;

/** Requests per second for `requests` calls, at most `inFlight` at a time. */
async function throughput(call, requests, inFlight) {
  let started = 0;
  const worker = async () => {
    while (started < requests) {
      started++;
      await call();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return requests / ((performance.now() - begin) / 1000);
}

async function startServer() {
  const server = fork(fileURLToPath(new URL("./server.mjs", import.meta.url)), [
    REQUEST_PATH,
    AUTHORIZATION,
    JSON.stringify(INSTALMENT),
  ]);
  const [message] = await once(server, "message");
  return { server, origin: `http://127.0.0.1:${message.port}` };
}

async function benchMode(clients, { name, inFlight, warmup, requests }) {
  for (const client of clients) await throughput(() => client.call(), warmup, inFlight);
  const rates = new Map(clients.map((client) => [client.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < clients.length; turn++) {
      const client = clients[(round + turn) % clients.length];
      rates.get(client.name).push(await throughput(() => client.call(), requests, inFlight));
    }
  }
  const baseline = rates.get("raw fetch");
  return clients.map((client) => {
    const own = rates.get(client.name);
    // Per round, against the fetch turn of that same round.
    const ratio = median(own.map((rate, round) => rate / baseline[round]));
    return {
      mode: name,
      client: client.name,
      "req/s": Math.round(median(own)),
      "vs raw fetch": `${ratio.toFixed(2)}x`,
      ratio,
    };
  });
}

/** The SDK client against raw fetch and the alternatives, in each mode: one row per mode and client. */
async function benchClients() {
  const { server, origin } = await startServer();
  try {
    const clients = createClients(origin);
    for (const client of clients) deepStrictEqual(await client.call(), INSTALMENT, `${client.name} read another body`);
    console.log(`Node ${process.version}, GET ${REQUEST_PATH}, ${ROUNDS} interleaved rounds per mode`);
    console.log("req/s: median over the rounds; vs raw fetch: median of each round's ratio to that round's fetch turn");
    const rows = [];
    for (const mode of MODES) rows.push(...(await benchMode(clients, mode)));
    console.table(rows.map(({ ratio: _, ...shown }) => shown));
    return rows;
  } finally {
    server.kill();
  }
}

/**
 * The webhook benches, in a process of their own. Run in this one, after the client benches, their
 * load generator sent 20-45% fewer requests a second with about twice the p99, and the receivers'
 * ratios said more about the load generator than about the servers.
 */
async function benchWebhooks() {
  const child = fork(fileURLToPath(new URL("./webhook.mjs", import.meta.url)));
  let results;
  child.on("message", (message) => {
    results = message;
  });
  const [code] = await once(child, "exit");
  if (code !== 0 || !results) throw new Error(`the webhook benches failed (exit code ${code})`);
  return results;
}

async function main() {
  // Every part runs under the one deadline. The forked servers exit when this process ends (they
  // exit on disconnect); a redis-server the shared-state bench started would outlive it, so the
  // deadline names it.
  const deadline = setTimeout(() => {
    console.error(`bench: no result after ${DEADLINE_MS / 1000} s; stopping (a redis-server it started may remain)`);
    process.exit(1);
  }, DEADLINE_MS);
  deadline.unref();
  try {
    const throughput = await benchClients();
    const startup = await benchStartup();
    const sizes = await reportSizes(fileURLToPath(new URL("../packages", import.meta.url)), startup.installSizes);
    // The webhook receivers against a bare node:http server, then their stores in memory and on Redis.
    const { receivers, redisAdds } = await benchWebhooks();
    // The sandbox beside Prism: cold start and GETs per second.
    const sandbox = await (await import("./sandbox.mjs")).benchSandbox();
    printGoals({
      throughput,
      startup: startup.rows,
      sizes,
      installSizes: startup.installSizes,
      receivers,
      redisAdds,
      sandbox,
    });
  } finally {
    clearTimeout(deadline);
  }
}

await main();
