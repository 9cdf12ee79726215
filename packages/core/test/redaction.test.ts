// No credential in any output: every failure a client can produce, for Basic and bearer
// credentials, printed every way a user might print it. The leak guard repeats the check after
// every other test file, over everything that file's clients printed or threw.

import { type FaultServer, type Reply, refusingUrl, reply } from "@enfuce-sdk/test-kit/fault-server";
import { credentials, findLeaks, recordedOutputs, secrets } from "@enfuce-sdk/test-kit/leak-watch";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { type ClientOptions, ConfigurationError } from "../src/index";
import { captureError, connect, startWarmServer } from "./support/harness";
import { createTestClient } from "./support/test-api";

let server: FaultServer;
beforeAll(async () => {
  server = await startWarmServer();
});
afterEach(() => server.clear());
afterAll(() => server.close());

const token = "tok_live_9f8e7d6c5b4a39281706";
const failures: readonly Reply[] = [
  reply.json(400, { message: "bad" }),
  reply.json(401, { message: "unauthorised" }),
  reply.json(403),
  reply.json(404),
  reply.json(409),
  reply.json(422),
  reply.retryAfter("0"),
  reply.text(500, "<html>oops</html>", "text/html"),
  reply.resetBeforeHeaders(),
  reply.truncated(),
  reply.delay(10_000),
  reply.text(200, "{not json", "application/json"),
];

describe.each([
  { scheme: "Basic", credentials, needles: secrets },
  { scheme: "Bearer", credentials: { token }, needles: [token, "Authorization"] },
])("$scheme credentials", ({ scheme, credentials: given, needles }) => {
  test("are sent, yet appear in no error and no log line, whatever fails", async () => {
    const outputs: string[] = [];
    const before = recordedOutputs().length;
    for (const [index, answer] of failures.entries()) server.script(`GET /items/f${index}`, answer);
    const controller = new AbortController();
    server.script("GET /items/aborted", reply.delay(10_000));
    server.handle("GET /items/aborting", () => {
      controller.abort();
      return reply.delay(10_000);
    });
    const { client } = connect(server.url, { credentials: given, throwOnError: true, timeout: 100, maxRetries: 1 });

    for (const index of failures.keys()) {
      await captureError(client.GET("/items/{itemId}", { params: { path: { itemId: `f${index}` } } }));
    }
    await captureError(
      client.GET("/items/{itemId}", { params: { path: { itemId: "aborting" } }, signal: controller.signal }),
    );
    const refused = connect(await refusingUrl(), { credentials: given, throwOnError: true }).client;
    await captureError(refused.GET("/items/{itemId}", { params: { path: { itemId: "x" } } }));
    outputs.push(...recordedOutputs().slice(before));

    expect(server.requests("GET /items/f0")[0]?.headers.authorization?.startsWith(`${scheme} `)).toBe(true);
    expect(outputs.length).toBeGreaterThan(failures.length * 4);
    expect(findLeaks(outputs, needles)).toEqual([]);
  });
});

test("configuration errors do not echo a credential either", async () => {
  const base: ClientOptions = { credentials, auditUser: "proof-suite", baseUrl: server.url };
  const attempts: ClientOptions[] = [
    { ...base, baseUrl: `http://${credentials.username}:${encodeURIComponent(credentials.password)}@127.0.0.1/` },
    { ...base, credentials: { username: `${credentials.username}:x`, password: credentials.password } },
    { ...base, credentials: { username: "", password: credentials.password } },
    { ...base, credentials: { token: "" } },
    { ...base, baseUrl: `http://example.com/?password=${credentials.password}` },
  ];

  for (const options of attempts) {
    const error = await captureError(() => createTestClient(options));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(findLeaks([error.message, String(error), error.stack ?? "", JSON.stringify(error)])).toEqual([]);
  }
});

test("the leak check itself notices a credential", () => {
  expect(findLeaks([`oops ${credentials.password}`, "Authorization: x", "fine"])).toHaveLength(2);
});
