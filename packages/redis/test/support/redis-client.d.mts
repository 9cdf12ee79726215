import type { createClient } from "redis";

/** A connected node-redis client: commands fail at once while disconnected, and it reconnects quickly. */
export function receiverClient(url: string): Promise<ReturnType<typeof createClient>>;
