import {
  basic,
  credentials,
  errorLog,
  fuzz,
  leaksIn,
  post,
  type RunningReceiver,
  serve,
} from "@enfuce-sdk/test-kit/webhook-receiver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AuthorisationControlHandlerOptions,
  type AuthorisationRequest,
  type AuthorisationResponse,
  ConfigurationError,
  createAuthorisationControlHandler,
  createMemoryDecisionStore,
  DEFAULT_MAX_BODY_BYTES,
  sendAuthorisation,
  sendWarmUp,
  type WebhookContext,
  type WebhookError,
  type WebhookHandler,
  webhookSpec,
} from "../src";

const { authPost } = webhookSpec.operations;
const DEADLINE_MS = 150;
// The members of the decision are not documented (a gap of the spec); these stand for the issuer's.
const APPROVE: AuthorisationResponse = { transactionData: { responseCode: "00" } };
const DECLINE: AuthorisationResponse = { transactionData: { responseCode: "05" } };
const example = authPost.requestExamples.retail;

type Decide = (request: AuthorisationRequest, context: WebhookContext) => unknown;
let decide: Decide;
let calls: AuthorisationRequest[];
const failures = errorLog<WebhookError>();
let receiver: RunningReceiver;

const handler = createAuthorisationControlHandler({
  credentials,
  deadlineMs: DEADLINE_MS,
  fallback: () => DECLINE,
  onAuthorisation: (request, context) => {
    calls.push(request);
    return decide(request, context) as AuthorisationResponse;
  },
  onError: failures.record,
});

beforeAll(async () => {
  receiver = await serve(handler);
});
afterAll(() => receiver.close());
beforeEach(() => {
  decide = () => APPROVE;
  calls = [];
});

describe("authorisation control receiver: documented calls", () => {
  it.each(Object.entries(authPost.requestExamples))(
    "answers the documented example %s with your decision",
    async (_, value) => {
      const sent = await sendAuthorisation({ url: receiver.url, credentials, payload: value });
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual(APPROVE);
      expect(calls).toEqual([value]);
    },
  );

  it("answers the warm-up call without calling your code", async () => {
    const sent = await sendWarmUp({ url: receiver.url, credentials });
    expect(sent.status).toBe(200);
    expect(calls).toEqual([]);
  });

  it("accepts members the spec does not know, at any depth", async () => {
    const payload = {
      ...example,
      addedByEnfuceLater: { nested: [1, 2] },
      transactionData: { ...example.transactionData, newMember: "x" },
    };
    const reply = await post(receiver.url, "/auth", { body: payload });
    expect(reply.status).toBe(200);
    expect(calls[0]).toEqual(payload);
  });

  it("serves under a base path when mounted under one", async () => {
    const mounted = await serve(
      createAuthorisationControlHandler({
        credentials,
        basePath: "/enfuce/",
        deadlineMs: DEADLINE_MS,
        fallback: DECLINE,
        onAuthorisation: () => APPROVE,
      }),
    );
    try {
      expect((await post(mounted.url, "/enfuce/auth?trace=1", { body: example })).status).toBe(200);
      expect((await post(mounted.url, "/auth", { body: example })).status).toBe(404);
    } finally {
      await mounted.close();
    }
  });
});

describe("authorisation control receiver: reads what Enfuce adds", () => {
  // Values this SDK version does not list, members it does not know and a numeric ISO 4217 code: a
  // live authorisation refused for any of them would be a declined card payment.
  const amount = { amount: 12.5, currency: "978" };
  const tomorrows = {
    ...example,
    metadata: { ...example.metadata, messageCategory: "INCREMENTAL_REQUEST", riskScore: 17 },
    account: { accountId: "1", availableAmount: { amount: 100, currency: "978" } },
    transactionData: {
      ...example.transactionData,
      transactionType: "CRYPTO_PURCHASE",
      cardEntryMode: "PALM_SCAN",
      cardholderVerifications: ["WALLET", "PALM_VEIN"],
      transactionFees: [{ feeType: "FX_FEE", feeAmount: amount }],
      transactionAmount: amount,
      transactionDateTime: "2025-06-05 13:16:10.1234567891",
      schemeNewField: { nested: true },
    },
    addedLater: ["x"],
  };

  it("hands unknown values, unknown members and a numeric currency to your code unchanged over HTTP", async () => {
    decide = () => DECLINE;
    const reply = await post(receiver.url, "/auth", { body: tomorrows });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(DECLINE);
    expect(calls).toEqual([tomorrows]);
    expect(failures.list).toEqual([]);
  });

  it("does the same through handler.fetch", async () => {
    const response = await handler.fetch(
      new Request("http://receiver.test/auth", {
        method: "POST",
        headers: { authorization: basic(credentials), "content-type": "application/json" },
        body: JSON.stringify(tomorrows),
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(APPROVE);
    expect(calls).toEqual([tomorrows]);
  });

  it("answers a warm-up call of a type it does not know", async () => {
    const reply = await post(receiver.url, "/warm-up", {
      body: { type: "WARM_UP_V2", timestamp: "2025-06-05T13:16:10" },
      headers: { "x-warmup": "true" },
    });
    expect(reply.status).toBe(200);
  });

  it("still refuses a wrong JSON type or a missing member your code relies on, naming the fields", async () => {
    const { merchantData: _, ...withoutMerchant } = tomorrows;
    const payload = {
      ...withoutMerchant,
      transactionData: { ...tomorrows.transactionData, transactionType: 5411, transactionAmount: { amount: "12.50" } },
    };
    const reply = await post(receiver.url, "/auth", { body: payload });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      error: "the payload does not match the spec",
      problems: [
        { field: "/merchantData", message: "is required" },
        { field: "/transactionData/transactionType", message: "must be string" },
        { field: "/transactionData/transactionAmount/amount", message: "must be number" },
      ],
    });
    expect(calls).toEqual([]);
  });

  it("keeps the answer strict: a decision the spec does not document is not sent", async () => {
    decide = () => ({ transactionData: "approve" });
    const reply = await post(receiver.url, "/auth", { body: tomorrows });
    expect(reply.json).toEqual(DECLINE);
    expect((await failures.reported(1))[0]?.reason).toBe("invalid-answer");
  });
});

describe("authorisation control receiver: refused calls", () => {
  it.each([
    ["no credentials", null],
    ["a wrong password", basic({ ...credentials, password: "guess" })],
    ["another user", basic({ ...credentials, username: "someone" })],
    ["a bearer token", "Bearer abc"],
    ["an empty Basic header", "Basic "],
  ])("answers 401 to %s, without calling your code", async (_, authorization) => {
    const reply = await post(receiver.url, "/auth", { body: example, authorization });
    expect(reply.status).toBe(401);
    expect(reply.headers["www-authenticate"]).toMatch(/^Basic /);
    expect(calls).toEqual([]);
  });

  it("takes the scheme name in any case", async () => {
    const authorization = basic(credentials).replace("Basic", "bASIC");
    expect((await post(receiver.url, "/auth", { body: example, authorization })).status).toBe(200);
  });

  it.each([
    ["with a Content-Length", false],
    ["streamed without one", true],
  ])("answers 413 to a body over the limit %s, and keeps serving", async (_, chunked) => {
    const body = JSON.stringify({ ...example, padding: "x".repeat(DEFAULT_MAX_BODY_BYTES) });
    expect((await post(receiver.url, "/auth", { body, chunked })).status).toBe(413);
    expect((await post(receiver.url, "/auth", { body: example })).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", null])(
    "answers 415 to the media type %s",
    async (contentType) => {
      expect((await post(receiver.url, "/auth", { body: example, contentType })).status).toBe(415);
    },
  );

  it("accepts JSON with a UTF-8 charset or a +json type", async () => {
    for (const contentType of ["application/json; charset=UTF-8", "application/vnd.enfuce+json"]) {
      expect((await post(receiver.url, "/auth", { body: example, contentType })).status).toBe(200);
    }
  });

  it("answers 400 to malformed JSON without quoting it back", async () => {
    const reply = await post(receiver.url, "/auth", { body: '{"card": 4111111111111111' });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ problems: [{ field: "", message: expect.stringMatching(/not valid JSON/) }] });
    expect(reply.text).not.toContain("4111");
  });

  it("answers 400 with the offending fields to a payload that breaks the schema", async () => {
    const { card: _card, ...withoutCard } = example;
    const payload = {
      ...withoutCard,
      transactionData: { ...example.transactionData, cardholderPresent: "4111111111111111" },
    };
    const reply = await post(receiver.url, "/auth", { body: payload });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      error: "the payload does not match the spec",
      problems: [
        { field: "/card", message: "is required" },
        { field: "/transactionData/cardholderPresent", message: "must be boolean" },
      ],
    });
    expect(reply.text).not.toContain("4111");
    expect(calls).toEqual([]);
  });

  it("answers 400 to an empty body and to JSON that is not an object", async () => {
    expect((await post(receiver.url, "/auth", { body: "" })).status).toBe(400);
    expect((await post(receiver.url, "/auth", { body: "[]" })).status).toBe(400);
  });

  it("answers 404 to other paths and 405 to other methods", async () => {
    expect((await post(receiver.url, "/authorise", { body: example })).status).toBe(404);
    const wrongMethod = await post(receiver.url, "/auth", { method: "PUT", body: example });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe("POST");
  });
});

describe("authorisation control receiver: your code fails, the fallback answers", () => {
  it("sends the fallback when your code misses the deadline, on time, and aborts its signal", async () => {
    let signal: AbortSignal | undefined;
    decide = (_, context) => {
      signal = context.signal;
      return new Promise(() => {});
    };
    const reply = await post(receiver.url, "/auth", { body: example });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(DECLINE);
    expect(reply.ms).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
    // The margin absorbs a busy machine; a hanging handler would never answer at all.
    expect(reply.ms).toBeLessThan(DEADLINE_MS + 500);
    expect(signal?.aborted).toBe(true);
    expect((await failures.reported(1))[0]?.reason).toBe("deadline-missed");
  });

  it("sends the fallback when your code throws, and never the error", async () => {
    const boom = new Error("database password Hunter2 rejected");
    decide = () => {
      throw boom;
    };
    const reply = await post(receiver.url, "/auth", { body: example });
    expect(reply.json).toEqual(DECLINE);
    expect(reply.text).not.toContain("Hunter2");
    const [failure] = await failures.reported(1);
    expect(failure).toMatchObject({ reason: "handler-threw", operationId: "authPost", cause: boom });
  });

  it("sends the fallback when your promise rejects", async () => {
    decide = async () => Promise.reject(new Error("downstream timeout"));
    expect((await post(receiver.url, "/auth", { body: example })).json).toEqual(DECLINE);
    expect((await failures.reported(1))[0]?.reason).toBe("handler-threw");
  });

  it.each([
    ["a decision without transactionData", { decision: "approve" }],
    ["nothing", undefined],
    ["a value JSON cannot hold", { transactionData: { amount: 10n } }],
  ])("sends the fallback when your code answers %s", async (_, answer) => {
    decide = async () => answer;
    const reply = await post(receiver.url, "/auth", { body: example });
    expect(reply.json).toEqual(DECLINE);
    const [failure] = await failures.reported(1);
    expect(failure?.reason).toBe("invalid-answer");
    expect(failure?.problems.length).toBeGreaterThan(0);
  });

  it("gives the fallback the request and the failure", async () => {
    const seen: [AuthorisationRequest, string][] = [];
    const withFunction = await serve(
      createAuthorisationControlHandler({
        credentials,
        deadlineMs: DEADLINE_MS,
        fallback: (request, failure) => {
          seen.push([request, failure.reason]);
          return DECLINE;
        },
        onAuthorisation: () => {
          throw new Error("no");
        },
        onError: () => {},
      }),
    );
    try {
      expect((await post(withFunction.url, "/auth", { body: example })).json).toEqual(DECLINE);
      expect(seen).toEqual([[example, "handler-threw"]]);
    } finally {
      await withFunction.close();
    }
  });

  it("answers 500, never a stack trace, when the fallback itself fails", async () => {
    const broken = await serve(
      createAuthorisationControlHandler({
        credentials,
        deadlineMs: DEADLINE_MS,
        fallback: () => {
          throw new Error("fallback bug at /srv/app.js:1:1");
        },
        onAuthorisation: () => {
          throw new Error("no");
        },
        onError: failures.record,
      }),
    );
    try {
      const reply = await post(broken.url, "/auth", { body: example });
      expect(reply.status).toBe(500);
      expect(leaksIn(reply.text)).toEqual([]);
      expect((await failures.reported(2)).map((failure) => failure.reason)).toEqual([
        "handler-threw",
        "fallback-failed",
      ]);
    } finally {
      await broken.close();
    }
  });

  it("refuses options that could not answer correctly, before serving", () => {
    const base = { credentials, deadlineMs: DEADLINE_MS, onAuthorisation: () => APPROVE };
    expect(() =>
      createAuthorisationControlHandler({
        ...base,
        fallback: { decision: "decline" } as unknown as AuthorisationResponse,
      }),
    ).toThrow(ConfigurationError);
    expect(() =>
      createAuthorisationControlHandler({ ...base, deadlineMs: undefined as unknown as number, fallback: DECLINE }),
    ).toThrow(/deadlineMs is required/);
    expect(() =>
      createAuthorisationControlHandler({ ...base, credentials: { username: "u", password: "" }, fallback: DECLINE }),
    ).toThrow(ConfigurationError);
  });
});

describe("authorisation control receiver: redelivered authorisations", () => {
  let nextId = 0;
  /** The example with an authorisation id no earlier test used, since the receiver retains decisions. */
  const withFreshId = () => ({ ...example, metadata: { ...example.metadata, id: `auth-${++nextId}` } });

  it("answers a redelivery with the decision already given, without calling your code again", async () => {
    const payload = withFreshId();
    expect((await post(receiver.url, "/auth", { body: payload })).json).toEqual(APPROVE);
    decide = () => DECLINE;
    expect((await post(receiver.url, "/auth", { body: payload })).json).toEqual(APPROVE);
    expect(calls).toHaveLength(1);
  });

  it("answers a redelivery with the fallback decision that was sent, too", async () => {
    const payload = withFreshId();
    decide = () => {
      throw new Error("no");
    };
    expect((await post(receiver.url, "/auth", { body: payload })).json).toEqual(DECLINE);
    decide = () => APPROVE;
    expect((await post(receiver.url, "/auth", { body: payload })).json).toEqual(DECLINE);
    expect(calls).toHaveLength(1);
  });

  it("decides calls without an id afresh", async () => {
    await post(receiver.url, "/auth", { body: example });
    await post(receiver.url, "/auth", { body: example });
    expect(calls).toHaveLength(2);
  });

  it("answers the decision retained first when two instances decide the same authorisation at once", async () => {
    const shared = createMemoryDecisionStore();
    const instance = (answer: AuthorisationResponse) =>
      serve(
        createAuthorisationControlHandler({
          credentials,
          deadlineMs: DEADLINE_MS,
          fallback: DECLINE,
          decisions: shared,
          // Both decide before either retains, as when a redelivery reaches B while A still decides.
          onAuthorisation: () => new Promise((resolve) => setTimeout(() => resolve(answer), 20)),
        }),
      );
    const [a, b] = await Promise.all([instance(APPROVE), instance(DECLINE)]);
    try {
      const payload = withFreshId();
      const replies = await Promise.all([
        post(a.url, "/auth", { body: payload }),
        post(b.url, "/auth", { body: payload }),
      ]);
      expect(replies[0]?.json).toEqual(replies[1]?.json);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  /** Serves a receiver that records its calls, with `options` over the defaults, for `use`; then closes it. */
  async function withReceiver(
    options: Partial<AuthorisationControlHandlerOptions>,
    use: (url: string, handler: WebhookHandler) => Promise<void>,
  ) {
    const handler = createAuthorisationControlHandler({
      credentials,
      deadlineMs: DEADLINE_MS,
      fallback: DECLINE,
      onAuthorisation: (request) => {
        calls.push(request);
        return APPROVE;
      },
      onError: failures.record,
      ...options,
    });
    const running = await serve(handler);
    try {
      await use(running.url, handler);
    } finally {
      await running.close();
    }
  }

  it("decides without the store while it fails or is slow, answers on time, reports and counts it", async () => {
    const store = { recall: () => new Promise<never>(() => {}), retain: () => Promise.reject(new Error("redis down")) };
    await withReceiver({ decisions: { store, storeTimeoutMs: 10 } }, async (url, degraded) => {
      const payload = withFreshId();
      // recall() never answers: a receiver that waited on it would not answer at all.
      for (const _ of [1, 2]) expect((await post(url, "/auth", { body: payload })).json).toEqual(APPROVE);
      expect(calls).toHaveLength(2);
      expect(degraded.stats()).toMatchObject({ answers: { handler: 2 }, failures: { "store-failed": 4 } });
      expect((await failures.reported(1))[0]?.reason).toBe("store-failed");
    });
  });

  it("decides every call afresh when decisions are off", async () => {
    await withReceiver({ decisions: false }, async (url) => {
      const payload = withFreshId();
      await post(url, "/auth", { body: payload });
      await post(url, "/auth", { body: payload });
      expect(calls).toHaveLength(2);
    });
  });
});

describe("authorisation control receiver: other runtimes", () => {
  it("passes unknown paths to next() under Express", async () => {
    const express = await serve({
      ...handler,
      node: (req, res) =>
        handler.node(req, res, () => {
          res.writeHead(418).end();
        }),
    });
    try {
      expect((await post(express.url, "/somewhere-else", { body: example })).status).toBe(418);
      expect((await post(express.url, "/auth", { body: example })).status).toBe(200);
    } finally {
      await express.close();
    }
  });

  it("reads a body Express' json() parser already consumed", async () => {
    const preParsed = await serve({
      ...handler,
      node: (req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
          handler.node(req, res);
        });
      },
    });
    try {
      expect((await post(preParsed.url, "/auth", { body: example })).json).toEqual(APPROVE);
    } finally {
      await preParsed.close();
    }
  });

  const call = (body: BodyInit | null, headers: Record<string, string> = {}, path = "/auth") =>
    handler.fetch(
      new Request(`http://receiver.test${path}`, {
        method: "POST",
        headers: { authorization: basic(credentials), "content-type": "application/json", ...headers },
        body,
        ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
      }),
    );

  it("answers Requests with Responses through handler.fetch", async () => {
    const approved = await call(JSON.stringify(example));
    expect(approved.status).toBe(200);
    expect(await approved.json()).toEqual(APPROVE);
    expect((await call(JSON.stringify(example), { authorization: "Basic eDp5" })).status).toBe(401);
    expect((await call("{", {})).status).toBe(400);
    expect((await call(JSON.stringify(example), { "content-type": "text/plain" })).status).toBe(415);
    expect((await call(JSON.stringify(example), {}, "/other")).status).toBe(404);
    decide = () => new Promise(() => {});
    expect(await (await call(JSON.stringify(example))).json()).toEqual(DECLINE);
  });

  it("stops reading a streamed body past the limit in handler.fetch", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    expect((await call(endless)).status).toBe(413);
    expect(pulled).toBeLessThan(DEFAULT_MAX_BODY_BYTES / (64 * 1024) + 3);
  });
});

describe("authorisation control receiver: robustness", () => {
  it("answers random calls with 200, 400, 401, 413 or 415 only, leaks nothing and keeps serving", async () => {
    const problems = await fuzz({
      url: receiver.url,
      path: "/auth",
      example,
      successStatus: 200,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    });
    expect(problems).toEqual([]);
    expect((await post(receiver.url, "/auth", { body: example })).json).toEqual(APPROVE);
  }, 60_000);

  it("answers each of 3000 concurrent authorisations exactly once, with its own decision", async () => {
    const count = 3000;
    const handled: string[] = [];
    // A deadline no busy test machine reaches: this test is about answers, not about time.
    const busy = await serve(
      createAuthorisationControlHandler({
        credentials,
        deadlineMs: 10_000,
        fallback: DECLINE,
        onAuthorisation: async (request) => {
          handled.push(request.metadata.id as string);
          return { transactionData: { responseCode: "00", echo: request.metadata.id } };
        },
        onError: failures.record,
      }),
    );
    try {
      const agent = busy.agent(100);
      const replies = await Promise.all(
        Array.from({ length: count }, (_, index) => {
          const body = { ...example, metadata: { ...example.metadata, id: `auth-${index}` } };
          return post(busy.url, "/auth", { body, agent });
        }),
      );
      expect(replies.filter((reply) => reply.status !== 200)).toEqual([]);
      const mismatched = replies.filter(
        (reply, index) =>
          JSON.stringify(reply.json) !==
          JSON.stringify({ transactionData: { responseCode: "00", echo: `auth-${index}` } }),
      );
      expect(mismatched).toEqual([]);
      expect(handled).toHaveLength(count);
      expect(new Set(handled).size).toBe(count);
      expect(failures.list).toEqual([]);
    } finally {
      await busy.close();
    }
  }, 60_000);
});
