// The client on its default transport, against real sockets: its own timeout told from the caller's
// abort, and a refused connection retried even for a POST, since nothing was sent.
import { afterEach, describe, expect, it } from "vitest";
import { createEnfuceClient } from "../src/client";
import { ConnectionError, RequestAbortedError, TimeoutError } from "../src/errors";
import { ROUTE_MIDDLEWARE } from "./support/harness";
import { closedUrl, closeServers, serve } from "./support/serve";

afterEach(closeServers);

const spec = {
  domain: "test",
  serverUrl: "https://integration-api-cat2.{environment}.ext.{realm}.cia.enfuce.com",
  operations: {},
};
const clientOptions = {
  credentials: { username: "user", password: "transport-secret" },
  auditUser: "tester",
  middleware: ROUTE_MIDDLEWARE,
};

describe("the client on the default transport", () => {
  it("tells a timeout from the caller's abort", async () => {
    const { url } = await serve(() => {});
    const client = createEnfuceClient(
      { ...clientOptions, baseUrl: url, maxRetries: 0, timeout: 50, logLevel: "off" as const },
      spec,
    );
    await expect(client.GET("/slow" as never)).rejects.toBeInstanceOf(TimeoutError);

    const controller = new AbortController();
    const call = client.GET("/slow" as never, { signal: controller.signal, timeout: 10_000 } as never);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it("retries a POST whose connection was refused, because it provably never left", async () => {
    const messages: string[] = [];
    const client = createEnfuceClient(
      {
        ...clientOptions,
        baseUrl: await closedUrl(),
        maxRetries: 1,
        retryBackoff: { initialDelayMs: 1 },
        logLevel: "info",
        logger: { error() {}, warn() {}, debug() {}, info: (message: string) => messages.push(message) },
      } as never,
      spec,
    );
    const failure = await client.POST("/payments" as never, { body: { amount: 1 } } as never).catch((e) => e);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect(failure.message).toContain("before the request was sent");
    expect(failure.attempts).toBe(2);
    expect(JSON.stringify([failure, failure.message, messages])).not.toContain("transport-secret");
  });
});
