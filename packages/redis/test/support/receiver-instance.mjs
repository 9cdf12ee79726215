// One notification receiver instance of the multi-instance test, in its own process: deduplication
// on the shared Redis, every notification it starts to process appended to its log file (a write
// that survives a kill), its port and, on request, its stats told to the parent over IPC.
import { appendFileSync } from "node:fs";
import { createServer } from "node:http";
import { createNotificationHandler } from "@enfuce-sdk/notification";
import { createRedisDeduplicationStore } from "../../dist/index.mjs";
import { receiverClient } from "./redis-client.mjs";

const { REDIS_URL, KEY_PREFIX, LOG_FILE, WEBHOOK_USERNAME, WEBHOOK_PASSWORD } = process.env;

const client = await receiverClient(REDIS_URL);

const handler = createNotificationHandler({
  credentials: { username: WEBHOOK_USERNAME, password: WEBHOOK_PASSWORD },
  deadlineMs: 300,
  deduplication: {
    store: createRedisDeduplicationStore(client, { keyPrefix: KEY_PREFIX }),
    leaseMs: 1000,
    storeTimeoutMs: 100,
  },
  onNotification: async (notification) => {
    appendFileSync(LOG_FILE, `${notification.id}\t${Date.now()}\n`);
    // Work in flight, so that a kill can land in the middle of it.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
  },
  onError: () => {},
});

const server = createServer(handler.node);
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("message", (message) => {
  if (message === "stats") process.send({ stats: handler.stats() });
});
process.on("disconnect", () => process.exit(0));
