// A call that declares a body over the receiver's limit is refused before its body is read; the
// receiver parses Content-Length only when it has as many digits as the limit.
import { once } from "node:events";
import { connect } from "node:net";
import { basic, credentials, type RunningReceiver, serve } from "@enfuce-sdk/test-kit/webhook-receiver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { automaticRoute, createWebhookHandler } from "../src/index";
import { meta } from "./support/webhook-meta";

const LIMIT = 100;
let receiver: RunningReceiver;
beforeAll(async () => {
  const warmUp = meta({ operationId: "warmUp", path: "/warm-up", validateResponse: null });
  receiver = await serve(createWebhookHandler({ credentials, maxBodyBytes: LIMIT }, [automaticRoute(warmUp)]));
});
afterAll(() => receiver.close());

/** Sends the head of a call declaring `contentLength`, then `sent` bytes of body; the status of the answer. */
async function statusOf(contentLength: string, sent: number): Promise<number> {
  const { port } = new URL(receiver.url);
  const socket = connect(Number(port), "127.0.0.1");
  try {
    await once(socket, "connect");
    socket.write(
      `POST /warm-up HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: ${basic(credentials)}\r\n` +
        `content-type: application/json\r\ncontent-length: ${contentLength}\r\n\r\n${"x".repeat(sent)}`,
    );
    const [head] = (await once(socket, "data")) as [Buffer];
    return Number(/^HTTP\/1\.1 (\d{3})/.exec(head.toString("latin1"))?.[1]);
  } finally {
    socket.destroy();
  }
}

describe("a declared Content-Length", () => {
  it.each([
    ["one byte over the limit", "101"],
    ["far over the limit", "1000000"],
    ["over the limit, with leading zeros", "000101"],
  ])("%s is refused before any of the body arrives", async (_, contentLength) => {
    expect(await statusOf(contentLength, 0)).toBe(413);
  });

  it.each([
    ["at the limit", "100", 100],
    ["with fewer digits than the limit", "99", 99],
    ["at the limit, with leading zeros", "0100", 100],
  ])("%s has its body read (not JSON here: 400)", async (_, contentLength, sent) => {
    expect(await statusOf(contentLength, sent)).toBe(400);
  });
});
