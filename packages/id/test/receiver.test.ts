import { credentials, errorLog, fuzz, post, type RunningReceiver, serve } from "@enfuce-sdk/test-kit/webhook-receiver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AuthenticationInitiation,
  type AuthenticationSession,
  ConfigurationError,
  createIdHandler,
  DEFAULT_MAX_BODY_BYTES,
  sendInitiateAuthentication,
  type WebhookError,
  webhookSpec,
} from "../src";

const { initiateAuthentication } = webhookSpec.operations;
const DEADLINE_MS = 150;
const example = initiateAuthentication.requestExamples.withTransaction;
const SESSION = "5d3a3e10-b511-42cd-b9b6-1f2a5701ba98";

let start: () => unknown;
let started: { request: AuthenticationInitiation; session: AuthenticationSession }[];
const failures = errorLog<WebhookError>();
let receiver: RunningReceiver;

beforeAll(async () => {
  receiver = await serve(
    createIdHandler({
      credentials,
      deadlineMs: DEADLINE_MS,
      onAuthenticationRequest: (request, context) => {
        started.push({ request, session: context.params });
        return start() as undefined;
      },
      onError: failures.record,
    }),
  );
});
afterAll(() => receiver.close());
beforeEach(() => {
  start = () => undefined;
  started = [];
});

let sessions = 0;
/** A session id no earlier test used, since the receiver remembers the sessions it handled. */
const freshSession = () => `${SESSION.slice(0, -4)}${String(++sessions).padStart(4, "0")}`;

describe("ID authentication webhook receiver", () => {
  it.each(Object.entries(initiateAuthentication.requestExamples))(
    "answers 200 to the documented example %s and passes the session from the path",
    async (_, value) => {
      const sessionId = freshSession();
      const sent = await sendInitiateAuthentication({
        url: receiver.url,
        credentials,
        payload: value,
        params: { customerNumber: "392492402", sessionId },
      });
      expect(sent.status).toBe(200);
      expect(sent.body).toBeUndefined();
      expect(started).toEqual([{ request: value, session: { customerNumber: "392492402", sessionId } }]);
    },
  );

  it("decodes path parameters and refuses paths without both of them", async () => {
    expect((await post(receiver.url, "/v1/authenticate/cust%20no%2F1/s-1", { body: example })).status).toBe(200);
    expect(started[0]?.session).toEqual({ customerNumber: "cust no/1", sessionId: "s-1" });
    expect((await post(receiver.url, "/v1/authenticate/392492402", { body: example })).status).toBe(404);
    expect((await post(receiver.url, "/v1/authenticate/%E0%A4%A/s-1", { body: example })).status).toBe(404);
  });

  it("requires the callbackUrl Enfuce reports to", async () => {
    const { callbackUrl: _, ...withoutCallback } = example;
    const reply = await post(receiver.url, `/v1/authenticate/1/${SESSION}`, { body: withoutCallback });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ problems: [{ field: "/callbackUrl", message: "is required" }] });
  });

  it("answers 500 when your code throws or misses the deadline, and reports it", async () => {
    start = () => {
      throw new Error("app push service down");
    };
    const threw = await post(receiver.url, `/v1/authenticate/1/${freshSession()}`, { body: example });
    expect(threw.status).toBe(500);
    expect(threw.text).not.toContain("push service");
    start = () => new Promise(() => {});
    const late = await post(receiver.url, `/v1/authenticate/1/${freshSession()}`, { body: example });
    expect(late.status).toBe(500);
    expect(late.ms).toBeLessThan(DEADLINE_MS + 500);
    await expect
      .poll(() => failures.list.map((failure) => failure.reason))
      .toEqual(["handler-threw", "deadline-missed"]);
  });

  it("starts each session once: a redelivery is answered 200 without your code, one still starting gets 503", async () => {
    const path = `/v1/authenticate/1/${freshSession()}`;
    let finish = () => {};
    start = () => new Promise<void>((resolve) => (finish = resolve));
    const first = post(receiver.url, path, { body: example });
    await expect.poll(() => started.length).toBe(1);
    const meanwhile = await post(receiver.url, path, { body: example });
    expect(meanwhile.status).toBe(503);
    expect(meanwhile.headers["retry-after"]).toBe("1");
    finish();
    expect((await first).status).toBe(200);
    expect((await post(receiver.url, path, { body: example })).status).toBe(200);
    expect(started).toHaveLength(1);
  });

  it("starts a session again after your code failed on it", async () => {
    const path = `/v1/authenticate/1/${freshSession()}`;
    start = () => {
      throw new Error("push service down");
    };
    expect((await post(receiver.url, path, { body: example })).status).toBe(500);
    start = () => undefined;
    expect((await post(receiver.url, path, { body: example })).status).toBe(200);
    expect(started).toHaveLength(2);
  });

  it("hands every call to your code when deduplication is off", async () => {
    const plain = await serve(
      createIdHandler({
        credentials,
        deduplication: false,
        onAuthenticationRequest: (request, context) => void started.push({ request, session: context.params }),
      }),
    );
    try {
      const path = `/v1/authenticate/1/${freshSession()}`;
      await post(plain.url, path, { body: example });
      await post(plain.url, path, { body: example });
      expect(started).toHaveLength(2);
    } finally {
      await plain.close();
    }
  });

  it("answers within the documented 2 s by default and refuses a longer deadline", () => {
    expect(() => createIdHandler({ credentials, deadlineMs: 2500, onAuthenticationRequest: () => {} })).toThrow(
      ConfigurationError,
    );
    expect(() => createIdHandler({ credentials, onAuthenticationRequest: () => {} })).not.toThrow();
  });

  it("answers random calls with 200, 400, 401, 413 or 415 only, leaks nothing and keeps serving", async () => {
    const problems = await fuzz({
      url: receiver.url,
      path: `/v1/authenticate/392492402/${SESSION}`,
      example,
      successStatus: 200,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      runs: 200,
    });
    expect(problems).toEqual([]);
    expect((await post(receiver.url, `/v1/authenticate/1/${SESSION}`, { body: example })).status).toBe(200);
  }, 60_000);
});
