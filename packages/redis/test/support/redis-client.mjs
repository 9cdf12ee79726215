// A node-redis client set up as the README recommends for receivers: while disconnected, commands
// fail at once instead of queueing, and it reconnects quickly. Plain JavaScript, so that the
// receiver processes of the multi-instance test use it too.
import { createClient } from "redis";

export async function receiverClient(url) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: () => 20, connectTimeout: 500 },
  });
  client.on("error", () => {}); // it reconnects by itself; the receivers report what that costs
  await client.connect();
  return client;
}
