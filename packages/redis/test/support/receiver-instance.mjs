// One notification receiver instance of the multi-instance test, in its own process: deduplication
// on the shared Redis; every notification it starts and finishes processing appended to its log
// file (writes that survive a kill); its port and, on request, its stats told to the parent over
// IPC. Told `crash-mid-work`, it kills itself in the middle of the next notification it processes,
// after its claim is taken and before its work is done, as a crash would.
import { appendFileSync } from "node:fs";
import { createServer } from "node:http";
import { createNotificationHandler } from "@enfuce-sdk/notification";
import { createRedisDeduplicationStore } from "../../dist/index.mjs";
import { receiverClient } from "./redis-client.mjs";

const { REDIS_URL, KEY_PREFIX, LOG_FILE, LEASE_MS, WEBHOOK_USERNAME, WEBHOOK_PASSWORD } = process.env;

const client = await receiverClient(REDIS_URL);
let crashMidWork = false;

const handler = createNotificationHandler({
  credentials: { username: WEBHOOK_USERNAME, password: WEBHOOK_PASSWORD },
  deadlineMs: 300,
  deduplication: {
    store: createRedisDeduplicationStore(client, { keyPrefix: KEY_PREFIX }),
    leaseMs: Number(LEASE_MS),
    storeTimeoutMs: 100,
  },
  onNotification: async (notification) => {
    appendFileSync(LOG_FILE, `start\t${notification.id}\t${Date.now()}\n`);
    if (crashMidWork) process.kill(process.pid, "SIGKILL");
    // Work in flight, so that other deliveries of the same id arrive while it is being processed.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
    appendFileSync(LOG_FILE, `finish\t${notification.id}\t${Date.now()}\n`);
  },
  onError: () => {},
});

const server = createServer(handler.node);
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("message", (message) => {
  if (message === "stats") process.send({ stats: handler.stats() });
  if (message === "crash-mid-work") crashMidWork = true;
});
process.on("disconnect", () => process.exit(0));
