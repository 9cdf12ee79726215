import {
  basic,
  credentials,
  errorLog,
  fuzz,
  post,
  type RunningReceiver,
  serve,
} from "@enfuce-sdk/test-kit/webhook-receiver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AuthorisationRequest,
  type AuthorisationResponse,
  createAuthorisationForwardingHandler,
  DEFAULT_MAX_BODY_BYTES,
  sendForwardAuthorisation,
  type WebhookError,
  webhookSpec,
} from "../src";

const { authPost } = webhookSpec.operations;
const DEADLINE_MS = 150;
const APPROVE: AuthorisationResponse = { authorisationResponse: { DE39: "00" } };
const DECLINE: AuthorisationResponse = { authorisationResponse: { DE39: "05" } };
const example = authPost.requestExamples.forwarded;

let decide: (request: AuthorisationRequest) => unknown;
let calls: AuthorisationRequest[];
const failures = errorLog<WebhookError>();
let receiver: RunningReceiver;

beforeAll(async () => {
  receiver = await serve(
    createAuthorisationForwardingHandler({
      credentials,
      deadlineMs: DEADLINE_MS,
      fallback: DECLINE,
      onAuthorisation: (request) => {
        calls.push(request);
        return decide(request) as AuthorisationResponse;
      },
      onError: failures.record,
    }),
  );
});
afterAll(() => receiver.close());
beforeEach(() => {
  decide = () => APPROVE;
  calls = [];
});

describe("authorisation forwarding receiver", () => {
  it.each(Object.entries(authPost.requestExamples))(
    "answers the documented example %s with your decision",
    async (_, value) => {
      const sent = await sendForwardAuthorisation({
        url: receiver.url,
        credentials,
        payload: value,
      });
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual(APPROVE);
      expect(calls).toEqual([value]);
    },
  );

  it("checks formats as the spec lint does: a date-time that is not one is refused", async () => {
    const payload = { ...example, metadata: { ...example.metadata, systemTimeStamp: "2021-13-14T09:23:54Z" } };
    const reply = await post(receiver.url, "/auth", { body: payload });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      problems: [{ field: "/metadata/systemTimeStamp", message: 'must match format "date-time"' }],
    });
  });

  it("refuses a decision without DE39 and sends the fallback instead", async () => {
    decide = () => ({ authorisationResponse: { DE05: "1000" } });
    expect((await post(receiver.url, "/auth", { body: example })).json).toEqual(DECLINE);
    await expect
      .poll(() => failures.list[0]?.problems)
      .toEqual([{ field: "/authorisationResponse/DE39", message: "is required" }]);
  });

  it("sends the fallback when your code throws or misses the deadline", async () => {
    decide = () => {
      throw new Error("rules engine down");
    };
    expect((await post(receiver.url, "/auth", { body: example })).json).toEqual(DECLINE);
    decide = () => new Promise(() => {});
    const late = await post(receiver.url, "/auth", { body: example });
    expect(late.json).toEqual(DECLINE);
    expect(late.ms).toBeLessThan(DEADLINE_MS + 500);
    await expect
      .poll(() => failures.list.map((failure) => failure.reason))
      .toEqual(["handler-threw", "deadline-missed"]);
  });

  it("refuses wrong credentials, other media types and oversized bodies", async () => {
    const wrong = basic({ ...credentials, password: "nope" });
    expect((await post(receiver.url, "/auth", { body: example, authorization: wrong })).status).toBe(401);
    expect((await post(receiver.url, "/auth", { body: example, contentType: "text/xml" })).status).toBe(415);
    const oversized = { ...example, padding: "x".repeat(DEFAULT_MAX_BODY_BYTES) };
    expect((await post(receiver.url, "/auth", { body: oversized })).status).toBe(413);
    expect(calls).toEqual([]);
  });

  it("answers random calls with 200, 400, 401, 413 or 415 only, leaks nothing and keeps serving", async () => {
    const problems = await fuzz({
      url: receiver.url,
      path: "/auth",
      example,
      successStatus: 200,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      runs: 200,
    });
    expect(problems).toEqual([]);
    expect((await post(receiver.url, "/auth", { body: example })).json).toEqual(APPROVE);
  }, 60_000);
});
