// The authorisation control receiver (credentials, validation both ways, deadline on, user code
// answering at once) against a bare node:http server that only reads the body, parses the JSON,
// checks the Basic header and answers a fixed decision. Each server runs in its own process; one
// client process drives 50 connections, and the servers take turns within each round (the order
// alternates) so that drift in machine load hits both alike. Ratios are per round, then the median.
// Target (issue 14): at least 0.95x the bare throughput, and a p99 no worse than the bare server's. Each server's CPU time
// per request is reported too: unlike wall-clock rates it does not move with other load on the machine.
import { fork } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Pool } from "undici";

const CONNECTIONS = 50;
const ROUNDS = 7;
const WARMUP_REQUESTS = 4000;
const REQUESTS_PER_ROUND = 6000;
const CREDENTIALS = { username: "enfuce", password: "bench-webhook-secret" };
const AUTHORIZATION = `Basic ${Buffer.from(`${CREDENTIALS.username}:${CREDENTIALS.password}`).toString("base64")}`;
const DECISION = { transactionData: { responseCode: "00" } };
const RECEIVER_MODULE = new URL("../packages/authorisation-control/dist/index.mjs", import.meta.url);

async function receiverServer() {
  const { createAuthorisationControlHandler } = await import(RECEIVER_MODULE.href);
  const handler = createAuthorisationControlHandler({
    credentials: CREDENTIALS,
    deadlineMs: 1500,
    fallback: { transactionData: { responseCode: "05" } },
    onAuthorisation: async () => DECISION,
  });
  return createServer(handler.node);
}

function bareServer() {
  const answer = JSON.stringify(DECISION);
  return createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      let status = 200;
      try {
        JSON.parse(Buffer.concat(chunks).toString("utf8"));
        if (req.headers.authorization !== AUTHORIZATION) status = 401;
      } catch {
        status = 400;
      }
      const body = status === 200 ? answer : "{}";
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
}

/** In a child process: serve one kind and tell the parent the port. */
async function serve(kind) {
  const server = kind === "receiver" ? await receiverServer() : bareServer();
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
  process.on("message", (message) => {
    if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
  });
  process.on("disconnect", () => process.exit(0));
}

async function start(kind) {
  const child = fork(fileURLToPath(import.meta.url), ["serve", kind]);
  const [message] = await once(child, "message");
  return { kind, child, pool: new Pool(`http://127.0.0.1:${message.port}`, { connections: CONNECTIONS }) };
}

/** Microseconds of CPU the server process has used so far. */
async function cpuOf(child) {
  child.send("cpu");
  const [{ cpu }] = await once(child, "message");
  return cpu.user + cpu.system;
}

const percentile = (sorted, share) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/** `requests` calls, `CONNECTIONS` in flight: throughput and latency percentiles. */
async function load(pool, body, requests) {
  const latencies = new Float64Array(requests);
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const index = next++;
      const started = performance.now();
      const { statusCode, body: answer } = await pool.request({
        method: "POST",
        path: "/auth",
        headers: { authorization: AUTHORIZATION, "content-type": "application/json" },
        body,
      });
      const text = await answer.text();
      if (statusCode !== 200) throw new Error(`status ${statusCode}: ${text}`);
      latencies[index] = performance.now() - started;
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - begin) / 1000;
  const sorted = latencies.sort();
  return { rate: requests / seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

export async function benchWebhookReceivers() {
  const { webhookSpec } = await import(RECEIVER_MODULE.href);
  const body = JSON.stringify(Object.values(webhookSpec.operations.authPost.requestExamples)[0]);
  const servers = [await start("bare"), await start("receiver")];
  try {
    for (const server of servers) await load(server.pool, body, WARMUP_REQUESTS);
    const results = { bare: [], receiver: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) {
        const cpuBefore = await cpuOf(server.child);
        const measured = await load(server.pool, body, REQUESTS_PER_ROUND);
        const cpuPerRequest = ((await cpuOf(server.child)) - cpuBefore) / REQUESTS_PER_ROUND;
        results[server.kind].push({ ...measured, cpuPerRequest });
      }
    }
    const perRound = (field) => results.receiver.map((own, round) => own[field] / results.bare[round][field]);
    const row = (kind) => ({
      server: kind,
      "req/s": Math.round(median(results[kind].map((r) => r.rate))),
      "p50 ms": median(results[kind].map((r) => r.p50)).toFixed(2),
      "p99 ms": median(results[kind].map((r) => r.p99)).toFixed(2),
      "server CPU µs/req": Math.round(median(results[kind].map((r) => r.cpuPerRequest))),
    });
    const throughputRatio = median(perRound("rate"));
    const p99Ratio = median(perRound("p99"));
    console.log(
      `\nWebhook receiver: POST /auth, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${REQUESTS_PER_ROUND}, median of rounds`,
    );
    console.table([row("bare"), row("receiver")]);
    const verdict = (ok) => (ok ? "meets the target" : "MISSES the target");
    console.log(
      `throughput ${throughputRatio.toFixed(2)}x the bare server (>= 0.95x): ${verdict(throughputRatio >= 0.95)}`,
    );
    console.log(`p99 latency ${p99Ratio.toFixed(2)}x the bare server (<= 1.0x): ${verdict(p99Ratio <= 1)}`);
    console.log(`server CPU per request ${median(perRound("cpuPerRequest")).toFixed(2)}x the bare server`);
    return { throughputRatio, p99Ratio };
  } finally {
    for (const { child, pool } of servers) {
      await pool.close();
      child.kill();
    }
  }
}

if (process.argv[2] === "serve") await serve(process.argv[3]);
else if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchWebhookReceivers();
