// Receivers on several instances behind a load balancer, sharing one Redis: what each instance of a
// production deployment runs is `startInstance`; the rest of this file plays Enfuce and the load
// balancer, to show what the instances answer, then what they answer while Redis is down.
//   pnpm scale-out                         (starts a local redis-server; Debian: apt-get install -y redis-server)
//   REDIS_URL=redis://host:6379 pnpm scale-out
// It imports the built packages by name, exactly as an application would.
import { createServer } from "node:http";
import {
  webhookSpec as authorisationSpec,
  createAuthorisationControlHandler,
  sendAuthorisation,
} from "@enfuce-sdk/authorisation-control";
import { createNotificationHandler, webhookSpec as notificationSpec, sendNotification } from "@enfuce-sdk/notification";
import { createRedisDecisionStore, createRedisDeduplicationStore } from "@enfuce-sdk/redis";
import { REDIS_INSTALL_HINT, redisServerInstalled, startRedisServer } from "@enfuce-sdk/workspace";
import { createClient } from "redis";

const credentials = { username: "enfuce", password: "example-webhook-password" };

/** One instance: both receivers on one port, state shared through Redis. */
async function startInstance(name, redisUrl) {
  const redis = createClient({
    url: redisUrl,
    // While Redis is unreachable, fail each command at once instead of queueing it: the receivers
    // then answer without the store (see below) rather than wait, and memory does not grow.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000), connectTimeout: 1000 },
  });
  redis.on("error", () => {}); // reconnection is automatic; the receivers report what it costs them
  await redis.connect();

  const onError = (error) => console.log(`  [${name}] ${error.message}`);
  const notifications = createNotificationHandler({
    credentials,
    // Exactly once across instances; while Redis is down, 503 so that Enfuce delivers again later.
    deduplication: createRedisDeduplicationStore(redis, { keyPrefix: "example:notifications:" }),
    onNotification: async (notification) => console.log(`  [${name}] processing notification ${notification.id}`),
    onError,
  });
  const authorisations = createAuthorisationControlHandler({
    credentials,
    deadlineMs: 1000, // store calls get a tenth of it (storeTimeoutMs) before the receiver goes on without Redis
    fallback: { transactionData: { responseCode: "05" } },
    // A redelivered authorisation gets the decision already given, from any instance.
    decisions: createRedisDecisionStore(redis, { keyPrefix: "example:decisions:" }),
    onAuthorisation: async (request) => {
      console.log(`  [${name}] deciding authorisation ${request.metadata.id}`);
      return { transactionData: { responseCode: "00" } };
    },
    onError,
  });
  // One server for both webhooks: a path one receiver does not serve goes on to the next.
  const server = createServer((req, res) =>
    notifications.node(req, res, () =>
      authorisations.node(req, res, () => res.writeHead(404, { "content-length": 0 }).end()),
    ),
  );
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    name,
    url: `http://127.0.0.1:${server.address().port}`,
    stats: () => ({ notifications: notifications.stats(), authorisations: authorisations.stats() }),
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await redis.close().catch(() => {});
    },
  };
}

async function localRedis() {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: undefined };
  if (!redisServerInstalled()) {
    console.error(`No REDIS_URL and no redis-server to start; install it (${REDIS_INSTALL_HINT}) or set REDIS_URL.`);
    process.exit(1);
  }
  return startRedisServer();
}

const redis = await localRedis();
const [a, b] = [await startInstance("A", redis.url), await startInstance("B", redis.url)];
// Documented examples, each with an id of this run (Redis remembers the ids it has seen).
const run = Date.now().toString(36);
const notificationOf = (id) => ({ ...notificationSpec.operations.receiveNotification.requestExamples.account, id });
const authorisationOf = (id) => {
  const example = authorisationSpec.operations.authPost.requestExamples.retail;
  return { ...example, metadata: { ...example.metadata, id } };
};
const say = (text) => console.log(`\n${text}`);
try {
  say("Enfuce delivers a notification to A, then again to B:");
  for (const to of [a, b]) {
    const { status } = await sendNotification({ url: to.url, credentials, payload: notificationOf(`n-${run}`) });
    console.log(`  ${to.name} answered ${status}`);
  }
  say("Enfuce sends an authorisation to A, then again to B:");
  for (const to of [a, b]) {
    const { status, body } = await sendAuthorisation({
      url: to.url,
      credentials,
      payload: authorisationOf(`a-${run}`),
    });
    console.log(`  ${to.name} answered ${status} ${JSON.stringify(body)}`);
  }
  if (redis.stop) {
    say("Redis goes down:");
    await redis.stop();
    const refused = await sendNotification({ url: a.url, credentials, payload: notificationOf(`n2-${run}`) });
    console.log(`  a new notification: A answered ${refused.status}, so Enfuce delivers it again later`);
    const decided = await sendAuthorisation({ url: a.url, credentials, payload: authorisationOf(`a2-${run}`) });
    console.log(
      `  a new authorisation: A answered ${decided.status} ${JSON.stringify(decided.body)}, without the store`,
    );
  }
  say("What each instance counted (handler.stats()):");
  for (const instance of [a, b]) {
    const { notifications, authorisations } = instance.stats();
    const nonZero = (counts) => Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
    console.log(
      `  ${instance.name}: notifications ${JSON.stringify(nonZero(notifications.answers))}, ` +
        `authorisations ${JSON.stringify(nonZero(authorisations.answers))}, ` +
        `store failures ${notifications.failures["store-failed"] + authorisations.failures["store-failed"]}`,
    );
  }
} finally {
  await Promise.all([a.stop(), b.stop()]);
  await redis.stop?.();
}
