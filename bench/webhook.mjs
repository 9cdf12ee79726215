// Webhook receivers, each server in its own process, one client process driving them; servers take
// turns within each round (the order rotates) so that drift in machine load hits all alike, and
// ratios are per round, then the median.
// 1. The authorisation control receiver (credentials, validation both ways, deadline on, user code
//    answering a frozen decision at once, decisions retained in memory) against a bare node:http
//    server that only reads the body, parses the JSON, checks the Basic header and answers a fixed
//    decision.
//    Target (issue 14): at least 0.95x the bare throughput, and a p99 no worse than the bare
//    server's. The same receiver without decision memory (`decisions: false`, as receivers were
//    when the target was set) is reported beside it: the difference is what retaining decisions
//    costs. So is the receiver whose code builds a new decision object for every call, which it
//    checks and writes every time. Each server's CPU time per request is reported too. A second
//    bare server (the same code in a process of its own) is measured like the others: its ratios
//    to the first show how far two identical servers differ in this run, the resolution of every
//    other ratio here.
// 2. Shared state on Redis: the authorisation and notification receivers with their in-memory
//    store and with the Redis one (a redis-server on 127.0.0.1), few connections so that latency is
//    the store's and not the queue's. Target: Redis adds at most 1 ms to the p99.
import { fork } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { webhookSpec as authorisationSpec, createAuthorisationControlHandler } from "@enfuce-sdk/authorisation-control";
import { createNotificationHandler, webhookSpec as notificationSpec } from "@enfuce-sdk/notification";
import { createRedisDecisionStore, createRedisDeduplicationStore } from "@enfuce-sdk/redis";
import { REDIS_INSTALL_HINT, redisServerInstalled, startRedisServer } from "@enfuce-sdk/workspace";
import { createClient } from "redis";
import { Pool } from "undici";
import { median, percentile, ratioText } from "./stats.mjs";

const CREDENTIALS = { username: "enfuce", password: "bench-webhook-secret" };
const AUTHORIZATION = `Basic ${Buffer.from(`${CREDENTIALS.username}:${CREDENTIALS.password}`).toString("base64")}`;
// Frozen constants, as the guide suggests for decisions answered often: the receiver checks and
// writes each once, as the bare server writes its fixed answer once.
const DECISION = Object.freeze({ transactionData: Object.freeze({ responseCode: "00" }) });
const FALLBACK = Object.freeze({ transactionData: Object.freeze({ responseCode: "05" }) });
// 21 rounds rather than 11, for medians that move less between runs; the second bare server shows
// how much they still move.
const THROUGHPUT = { connections: 50, rounds: 21, warmup: 4000, requests: 6000 };
const LATENCY = { connections: 4, rounds: 7, warmup: 2000, requests: 3000 };

/**
 * Answers every authorisation at once with `decide()` (default: the frozen DECISION), retaining
 * decisions in `decisions` (default: in memory; false: none).
 */
const authorisationHandler = (decisions, decide = () => DECISION) =>
  createAuthorisationControlHandler({
    credentials: CREDENTIALS,
    deadlineMs: 1500,
    fallback: FALLBACK,
    onAuthorisation: async () => decide(),
    ...(decisions === undefined ? {} : { decisions }),
  });

/** Processes every notification at once, deduplicating with `deduplication` (default: in memory). */
const notificationHandler = (deduplication) =>
  createNotificationHandler({
    credentials: CREDENTIALS,
    onNotification: async () => {},
    ...(deduplication ? { deduplication } : {}),
  });

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

async function redisClient(url) {
  const client = createClient({ url, disableOfflineQueue: true });
  await client.connect();
  return client;
}

const BARE_AGAIN = "bare, a second process";
const WITHOUT_DECISIONS = "authorisation, decisions: false";
const BUILT_PER_CALL = "authorisation, decision built per call";

/** The server of each kind, in the child process; Redis kinds get the server's URL. */
const SERVERS = {
  bare: async () => bareServer(),
  [BARE_AGAIN]: async () => bareServer(),
  authorisation: async () => createServer(authorisationHandler().node),
  [WITHOUT_DECISIONS]: async () => createServer(authorisationHandler(false).node),
  [BUILT_PER_CALL]: async () =>
    createServer(authorisationHandler(undefined, () => ({ transactionData: { responseCode: "00" } })).node),
  "authorisation + Redis": async (url) =>
    createServer(authorisationHandler(createRedisDecisionStore(await redisClient(url))).node),
  notification: async () => createServer(notificationHandler().node),
  "notification + Redis": async (url) =>
    createServer(notificationHandler(createRedisDeduplicationStore(await redisClient(url))).node),
};

/** In a child process: serve one kind and tell the parent the port. */
async function serve(kind, redisUrl) {
  const server = await SERVERS[kind](redisUrl);
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
  process.on("message", (message) => {
    if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
  });
  process.on("disconnect", () => process.exit(0));
}

async function start(kind, connections, redisUrl = "") {
  const child = fork(fileURLToPath(import.meta.url), ["serve", kind, redisUrl]);
  const [message] = await once(child, "message");
  return { kind, child, pool: new Pool(`http://127.0.0.1:${message.port}`, { connections }) };
}

/** Microseconds of CPU the server process has used so far. */
async function cpuOf(child) {
  child.send("cpu");
  const [{ cpu }] = await once(child, "message");
  return cpu.user + cpu.system;
}

/**
 * A webhook call: its path and a body with a delivery id no other call of the run uses. Ids have
 * one length throughout, as real ones do: V8's JSON.parse internalises strings of up to 10
 * characters, a form of their own, so ids that grew past that (bench-10000) made the receivers' hot
 * code deoptimize and compile again in the middle of a run.
 */
function callOf(path, example, place) {
  let next = 0;
  const [before, after] = JSON.stringify(place(example, "\u0000")).split('"\\u0000"');
  return { path, body: () => `${before}"bench-${String(++next).padStart(12, "0")}"${after}` };
}
export const authorisationCall = () =>
  callOf("/auth", authorisationSpec.operations.authPost.requestExamples.retail, (example, id) => ({
    ...example,
    metadata: { ...example.metadata, id },
  }));
const notificationCall = () =>
  callOf(
    "/v1/notification",
    notificationSpec.operations.receiveNotification.requestExamples.account,
    (example, id) => ({
      ...example,
      id,
    }),
  );

/**
 * Aborted when run.mjs, which forked this bench, is gone (at its deadline, say): the bench stops at
 * its next load (a turn or a warm-up), and stops its servers and redis-server on the way out
 * rather than run on alone.
 */
const parentGone = new AbortController();
/** A bench stuck inside a turn (the reason for run.mjs's deadline) is ended this long after. */
const STUCK_EXIT_MS = 10_000;

/** `requests` calls, `connections` in flight: throughput and latency percentiles. */
export async function load(pool, call, requests, connections) {
  parentGone.signal.throwIfAborted();
  const latencies = new Float64Array(requests);
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < requests) {
      const index = next++;
      const started = performance.now();
      const { statusCode, body: answer } = await pool.request({
        method: "POST",
        path: call.path,
        headers: { authorization: AUTHORIZATION, "content-type": "application/json" },
        body: call.body(),
      });
      await answer.text();
      // A store that misses its time (a machine too busy) makes a 503: counted, not hidden.
      if (statusCode >= 300) failed++;
      latencies[index] = performance.now() - started;
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - begin) / 1000;
  const sorted = latencies.sort();
  return { rate: requests / seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), failed };
}

/** Runs `servers` in rotating turns; per kind, the results of every round. */
async function measure(servers, calls, { connections, rounds, warmup, requests }) {
  for (const server of servers) await load(server.pool, calls[server.kind], warmup, connections);
  const results = Object.fromEntries(servers.map(({ kind }) => [kind, []]));
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < servers.length; turn++) {
      const server = servers[(round + turn) % servers.length];
      const cpuBefore = await cpuOf(server.child);
      const measured = await load(server.pool, calls[server.kind], requests, connections);
      const cpuPerRequest = ((await cpuOf(server.child)) - cpuBefore) / requests;
      results[server.kind].push({ ...measured, cpuPerRequest });
    }
  }
  return results;
}

const row = (results, kind) => ({
  server: kind,
  "req/s": Math.round(median(results[kind].map((r) => r.rate))),
  "p50 ms": median(results[kind].map((r) => r.p50)).toFixed(2),
  "p99 ms": median(results[kind].map((r) => r.p99)).toFixed(2),
  "server CPU µs/req": Math.round(median(results[kind].map((r) => r.cpuPerRequest))),
  "not 2xx": results[kind].reduce((sum, r) => sum + r.failed, 0),
});
/** Per round, `kind`'s `field` against `baseline`'s in the same round; the median. */
const perRound = (results, kind, baseline, field, compare) =>
  median(results[kind].map((own, round) => compare(own[field], results[baseline][round][field])));
const verdict = (ok) => (ok ? "meets the target" : "MISSES the target");

async function stopAll(servers) {
  for (const { child, pool } of servers) {
    await pool.close();
    child.kill();
  }
}

async function benchWebhookReceivers() {
  const { connections, rounds, requests } = THROUGHPUT;
  const kinds = ["bare", BARE_AGAIN, "authorisation", WITHOUT_DECISIONS, BUILT_PER_CALL];
  const servers = [];
  try {
    for (const kind of kinds) servers.push(await start(kind, connections));
    const call = authorisationCall();
    const results = await measure(servers, Object.fromEntries(kinds.map((kind) => [kind, call])), THROUGHPUT);
    const ratio = (kind, field) => perRound(results, kind, "bare", field, (own, base) => own / base);
    console.log(
      `\nWebhook receiver: POST /auth, ${connections} connections, ${rounds} interleaved rounds of ${requests}, median of rounds`,
    );
    console.table(kinds.map((kind) => row(results, kind)));
    const throughputRatio = ratio("authorisation", "rate");
    const p99Ratio = ratio("authorisation", "p99");
    console.log(
      `throughput ${ratioText(throughputRatio, 0.95)} the bare server (>= 0.95x): ${verdict(throughputRatio >= 0.95)}`,
    );
    console.log(`p99 latency ${ratioText(p99Ratio, 1)} the bare server (<= 1.0x): ${verdict(p99Ratio <= 1)}`);
    console.log(`server CPU per request ${ratio("authorisation", "cpuPerRequest").toFixed(2)}x the bare server`);
    const besideIt = (kind) => {
      const ratios = { throughputRatio: ratio(kind, "rate"), p99Ratio: ratio(kind, "p99") };
      console.log(
        `${kind}: throughput ${ratios.throughputRatio.toFixed(2)}x, p99 ${ratios.p99Ratio.toFixed(2)}x the bare server`,
      );
      return ratios;
    };
    const control = besideIt(BARE_AGAIN);
    const withoutDecisions = besideIt(WITHOUT_DECISIONS);
    const builtPerCall = besideIt(BUILT_PER_CALL);
    return { throughputRatio, p99Ratio, control, withoutDecisions, builtPerCall };
  } finally {
    await stopAll(servers);
  }
}

async function benchSharedReceiverState() {
  const { connections, rounds, requests } = LATENCY;
  console.log(
    `\nShared receiver state: in memory and on Redis, ${connections} connections, ${rounds} rounds of ${requests}`,
  );
  if (!redisServerInstalled()) {
    console.log(`skipped: redis-server not found; install it: ${REDIS_INSTALL_HINT}`);
    return undefined;
  }
  const redis = await startRedisServer();
  const kinds = ["authorisation", "authorisation + Redis", "notification", "notification + Redis"];
  const servers = [];
  try {
    for (const kind of kinds) servers.push(await start(kind, connections, redis.url));
    const calls = {
      authorisation: authorisationCall(),
      "authorisation + Redis": authorisationCall(),
      notification: notificationCall(),
      "notification + Redis": notificationCall(),
    };
    const results = await measure(servers, calls, LATENCY);
    console.table(kinds.map((kind) => row(results, kind)));
    const added = {};
    for (const webhook of ["authorisation", "notification"]) {
      added[webhook] = perRound(results, `${webhook} + Redis`, webhook, "p99", (own, base) => own - base);
      console.log(
        `${webhook}: Redis adds ${added[webhook].toFixed(2)} ms at p99 (<= 1 ms): ${verdict(added[webhook] <= 1)}`,
      );
    }
    return added;
  } finally {
    await stopAll(servers);
    await redis.stop();
  }
}

if (process.argv[2] === "serve") await serve(process.argv[3], process.argv[4]);
else if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // On its own, or forked by run.mjs, which takes the results: the load generator runs in a fresh
  // process, whatever earlier benches left in theirs.
  const stopWithParent = () => {
    parentGone.abort(new Error("run.mjs, which started this bench, is gone"));
    setTimeout(() => process.exit(1), STUCK_EXIT_MS).unref();
  };
  process.once("disconnect", stopWithParent);
  const receivers = await benchWebhookReceivers();
  const redisAdds = await benchSharedReceiverState();
  if (process.send) {
    process.off("disconnect", stopWithParent);
    process.send({ receivers, redisAdds });
    process.disconnect();
  }
}
