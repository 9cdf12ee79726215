// Every fault the network or the server can produce, for a call that may be repeated (GET) and one
// that must not be (POST without an idempotency key): the error class and the exact number of attempts.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { type FaultServer, type Reply, reply } from "@enfuce-sdk/test-kit/fault-server";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ServerError,
  TimeoutError,
  UnprocessableError,
} from "../src/index";
import { captureError, connect, startWarmServer } from "./support/harness";

let server: FaultServer;
// undici reports each answer's headers on this channel, whichever way the call went out: the moment
// `resetAfterHeaders` may reset the connection and be sure the client saw the headers first.
const HEADERS_ARRIVED = "undici:request:headers";
const resetHeld = () => server.resetHeld();
beforeAll(async () => {
  server = await startWarmServer();
  subscribe(HEADERS_ARRIVED, resetHeld);
});
afterEach(() => server.clear());
afterAll(async () => {
  unsubscribe(HEADERS_ARRIVED, resetHeld);
  await server.close();
});

interface Fault {
  readonly name: string;
  readonly reply: Reply;
  readonly errorClass: new (...args: never[]) => Error;
  /** Attempts for a GET with the default two retries; a POST without a key always makes one. */
  readonly getAttempts: number;
}

const faults: readonly Fault[] = [
  { name: "400", reply: reply.json(400, { message: "bad" }), errorClass: BadRequestError, getAttempts: 1 },
  { name: "401", reply: reply.json(401), errorClass: AuthenticationError, getAttempts: 1 },
  { name: "403", reply: reply.json(403), errorClass: PermissionDeniedError, getAttempts: 1 },
  { name: "404", reply: reply.json(404), errorClass: NotFoundError, getAttempts: 1 },
  { name: "409", reply: reply.json(409), errorClass: ConflictError, getAttempts: 1 },
  { name: "422", reply: reply.json(422), errorClass: UnprocessableError, getAttempts: 1 },
  { name: "408", reply: reply.json(408), errorClass: APIError, getAttempts: 3 },
  { name: "429 with Retry-After", reply: reply.retryAfter("0"), errorClass: RateLimitError, getAttempts: 3 },
  { name: "500", reply: reply.json(500, { message: "boom" }), errorClass: ServerError, getAttempts: 3 },
  {
    name: "502",
    reply: reply.text(502, "<html>bad gateway</html>", "text/html"),
    errorClass: ServerError,
    getAttempts: 3,
  },
  { name: "503", reply: reply.json(503), errorClass: ServerError, getAttempts: 3 },
  { name: "504", reply: reply.empty(504), errorClass: ServerError, getAttempts: 3 },
  { name: "reset before headers", reply: reply.resetBeforeHeaders(), errorClass: ConnectionError, getAttempts: 3 },
  { name: "reset after headers", reply: reply.resetAfterHeaders(), errorClass: ConnectionError, getAttempts: 3 },
  { name: "truncated body", reply: reply.truncated(), errorClass: ConnectionError, getAttempts: 3 },
  { name: "delay beyond the timeout", reply: reply.delay(10_000), errorClass: TimeoutError, getAttempts: 3 },
  { name: "body stalled past the timeout", reply: reply.stalledBody(), errorClass: TimeoutError, getAttempts: 3 },
  {
    name: "200 with malformed JSON",
    reply: reply.text(200, '{"id": "item-', "application/json"),
    errorClass: ResponseParseError,
    getAttempts: 1,
  },
];

// Long enough that an answer the server gives at once never times out on a loaded CI machine (a
// spurious timeout shows as an extra attempt), short enough for the cases that do time out.
const TIMEOUT_MS = 500;
const faultClient = () => connect(server.url, { throwOnError: true, timeout: TIMEOUT_MS }).client;

describe.each(faults)("$name", ({ reply: answer, errorClass, getAttempts }) => {
  test(`GET: ${errorClass.name} after ${getAttempts} attempt(s)`, async () => {
    server.script("GET /items/item-1", answer);

    const error = await captureError(faultClient().GET("/items/{itemId}", { params: { path: { itemId: "item-1" } } }));

    expect(error.constructor).toBe(errorClass);
    expect(server.count("GET /items/item-1")).toBe(getAttempts);
    expect(error).toMatchObject({ attempts: getAttempts, method: "GET", path: "/items/{itemId}" });
    expect(error.message).toContain(`(${getAttempts} attempt${getAttempts === 1 ? "" : "s"}`);
  });

  test(`POST without an idempotency key: ${errorClass.name}, sent exactly once`, async () => {
    server.script("POST /items", answer);

    const error = await captureError(faultClient().POST("/items", { body: { reference: "order-7" } }));

    expect(error.constructor).toBe(errorClass);
    expect(server.requests("POST /items").map((request) => request.body)).toEqual(['{"reference":"order-7"}']);
    expect(error).toMatchObject({ attempts: 1, method: "POST", path: "/items" });
  });
});

test("a timeout is a kind of connection failure, so one catch covers both", async () => {
  server.script("GET /items/slow", reply.delay(10_000));

  const error = await captureError(
    faultClient().GET("/items/{itemId}", { params: { path: { itemId: "slow" } }, maxRetries: 0 }),
  );

  expect(error).toBeInstanceOf(ConnectionError);
  expect(error.message).toContain(`no complete answer within ${TIMEOUT_MS} ms`);
});
