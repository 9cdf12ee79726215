import { credentials, errorLog, fuzz, post, type RunningReceiver, serve } from "@enfuce-sdk/test-kit/webhook-receiver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigurationError,
  createNotificationHandler,
  DEFAULT_MAX_BODY_BYTES,
  type DeduplicationOptions,
  type DeduplicationStore,
  type Notification,
  type NotificationResponse,
  sendNotification,
  type UnknownNotification,
  type WebhookError,
  webhookSpec,
} from "../src";

const { receiveNotification } = webhookSpec.operations;
const DEADLINE_MS = 150;
const examples = receiveNotification.requestExamples;
const account = examples.account;
// The examples are typed as the webhook body, which includes notifications of unknown types.
const withId = (notification: Notification | UnknownNotification, id: string) =>
  ({ ...notification, id }) as Notification;

type Behaviour = (notification: Notification) => unknown;
let behave: Behaviour;
let handled: Notification[];
const failures = errorLog<WebhookError>();
let receiver: RunningReceiver;

function notificationReceiver(
  options: { deduplication?: DeduplicationStore | DeduplicationOptions | false; deadlineMs?: number } = {},
) {
  return createNotificationHandler({
    credentials,
    deadlineMs: DEADLINE_MS,
    ...options,
    onNotification: (notification) => {
      handled.push(notification);
      return behave(notification) as NotificationResponse | undefined;
    },
    onError: failures.record,
  });
}

beforeAll(async () => {
  receiver = await serve(notificationReceiver());
});
afterAll(() => receiver.close());
beforeEach(() => {
  behave = () => undefined;
  handled = [];
});

let nextId = 0;
/** A notification id no earlier test used, since the receiver remembers ids. */
const freshId = () => `test-${++nextId}`;

describe("notification receiver: acknowledgement", () => {
  it.each(Object.keys(examples))("acknowledges the documented %s example with 201 and its id", async (name) => {
    const notification = withId(examples[name as keyof typeof examples], freshId());
    const sent = await sendNotification({ url: receiver.url, credentials, payload: notification });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ id: notification.id });
    expect(handled).toEqual([notification]);
  });

  it("acknowledges within the documented 1000 ms with the default deadline", async () => {
    const defaults = await serve(
      createNotificationHandler({ credentials, onNotification: () => new Promise(() => {}), onError: () => {} }),
    );
    try {
      const reply = await post(defaults.url, "/v1/notification", { body: withId(account, freshId()) });
      expect(reply.status).toBe(500);
      expect(reply.ms).toBeGreaterThanOrEqual(795);
      expect(reply.ms).toBeLessThan(1000);
    } finally {
      await defaults.close();
    }
  });

  it("acknowledges notification types whose payload is not documented", async () => {
    const notification = { id: freshId(), type: "FRAUD_CASE", caseId: "c-1", anything: { nested: true } };
    const reply = await post(receiver.url, "/v1/notification", { body: notification });
    expect(reply.status).toBe(201);
    expect(handled).toEqual([notification]);
  });

  it("answers with your acknowledgement body when you return one", async () => {
    behave = () => ({ id: "issuer-record-7", description: "stored" });
    const reply = await post(receiver.url, "/v1/notification", { body: withId(account, freshId()) });
    expect(reply.json).toEqual({ id: "issuer-record-7", description: "stored" });
  });

  it("acknowledges with the default body when your answer breaks the schema, and reports it", async () => {
    behave = () => ({ id: 7 });
    const notification = withId(account, freshId());
    const reply = await post(receiver.url, "/v1/notification", { body: notification });
    expect(reply.status).toBe(201);
    expect(reply.json).toEqual({ id: notification.id });
    expect((await failures.reported(1))[0]?.reason).toBe("invalid-answer");
  });
});

describe("notification receiver: at-least-once delivery", () => {
  it("handles a redelivered notification once and acknowledges both deliveries", async () => {
    const notification = withId(account, freshId());
    const first = await post(receiver.url, "/v1/notification", { body: notification });
    const second = await post(receiver.url, "/v1/notification", { body: notification });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.json).toEqual({ id: notification.id });
    expect(handled).toHaveLength(1);
  });

  it("does not acknowledge when your code throws, and handles the redelivery again", async () => {
    const notification = withId(account, freshId());
    behave = () => {
      throw new Error("queue unavailable");
    };
    expect((await post(receiver.url, "/v1/notification", { body: notification })).status).toBe(500);
    behave = () => undefined;
    expect((await post(receiver.url, "/v1/notification", { body: notification })).status).toBe(201);
    expect(handled).toHaveLength(2);
    expect((await failures.reported(1))[0]?.reason).toBe("handler-threw");
  });

  it("does not acknowledge a handler that misses the deadline; if it then succeeds, the redelivery is not handled again", async () => {
    const notification = withId(account, freshId());
    let finish = () => {};
    behave = () => new Promise<void>((resolve) => (finish = resolve));
    const late = await post(receiver.url, "/v1/notification", { body: notification });
    expect(late.status).toBe(500);
    expect(late.ms).toBeLessThan(DEADLINE_MS + 500);
    finish();
    behave = () => undefined;
    expect((await post(receiver.url, "/v1/notification", { body: notification })).status).toBe(201);
    expect(handled).toHaveLength(1);
    expect((await failures.reported(1))[0]?.reason).toBe("deadline-missed");
  });

  it("handles the redelivery again when a late handler finally fails", async () => {
    const notification = withId(account, freshId());
    let fail = (_: Error) => {};
    behave = () => new Promise<void>((_, reject) => (fail = reject));
    expect((await post(receiver.url, "/v1/notification", { body: notification })).status).toBe(500);
    fail(new Error("gave up"));
    await expect
      .poll(() => failures.list.map((failure) => failure.reason))
      .toEqual(["deadline-missed", "handler-threw"]);
    behave = () => undefined;
    expect((await post(receiver.url, "/v1/notification", { body: notification })).status).toBe(201);
    expect(handled).toHaveLength(2);
  });

  it("uses your store, asynchronous ones included", async () => {
    const taken = new Set<string>();
    const store: DeduplicationStore = {
      claim: async (id) => !taken.has(id) && Boolean(taken.add(id)),
      release: async (id) => void taken.delete(id),
    };
    const shared = await serve(notificationReceiver({ deduplication: store }));
    try {
      const notification = withId(account, freshId());
      await post(shared.url, "/v1/notification", { body: notification });
      await post(shared.url, "/v1/notification", { body: notification });
      expect(handled).toHaveLength(1);
      expect(taken.has(notification.id)).toBe(true);
    } finally {
      await shared.close();
    }
  });

  it("answers 503 without processing while the store fails, so that Enfuce delivers again", async () => {
    const broken = await serve(
      notificationReceiver({
        deduplication: {
          claim: () => Promise.reject(new Error("redis down")),
          release: () => {},
        },
      }),
    );
    try {
      const reply = await post(broken.url, "/v1/notification", { body: withId(account, freshId()) });
      expect(reply.status).toBe(503);
      expect(reply.headers["retry-after"]).toBe("1");
      expect(handled).toEqual([]);
      expect((await failures.reported(1))[0]?.reason).toBe("store-failed");
    } finally {
      await broken.close();
    }
  });

  it("does not wait on a store that does not answer: 503 within the store's time", async () => {
    const stuck = notificationReceiver({
      deduplication: { store: { claim: () => new Promise(() => {}), release: () => {} }, storeTimeoutMs: 20 },
    });
    const hanging = await serve(stuck);
    try {
      // A receiver that waited on this store would never answer at all.
      const reply = await post(hanging.url, "/v1/notification", { body: withId(account, freshId()) });
      expect(reply.status).toBe(503);
      expect(stuck.stats()).toMatchObject({
        answers: { "store-unavailable": 1 },
        failures: { "store-failed": 1 },
      });
      expect((await failures.reported(1))[0]?.message).toMatch(/had not answered claim\(\) after 20 ms; answered 503/);
    } finally {
      await hanging.close();
    }
  });

  it("processes anyway while the store fails when asked to, and reports it", async () => {
    const anyway = notificationReceiver({
      deduplication: {
        store: { claim: () => Promise.reject(new Error("redis down")), release: () => {} },
        whenStoreFails: "process-anyway",
      },
    });
    const broken = await serve(anyway);
    try {
      const notification = withId(account, freshId());
      const replies = [
        await post(broken.url, "/v1/notification", { body: notification }),
        await post(broken.url, "/v1/notification", { body: notification }),
      ];
      expect(replies.map((reply) => reply.status)).toEqual([201, 201]);
      expect(handled).toHaveLength(2);
      expect(anyway.stats()).toMatchObject({ answers: { handler: 2 }, failures: { "store-failed": 2 } });
      expect((await failures.reported(1))[0]?.message).toBe(
        "receiveNotification: the store failed; processed it without deduplication",
      );
    } finally {
      await broken.close();
    }
  });

  it("answers 503 to a redelivery while the first delivery is still being processed, then acknowledges it", async () => {
    const notification = withId(account, freshId());
    let finish = () => {};
    behave = () => new Promise<void>((resolve) => (finish = resolve));
    const first = post(receiver.url, "/v1/notification", { body: notification });
    await expect.poll(() => handled.length).toBe(1);
    expect((await post(receiver.url, "/v1/notification", { body: notification })).status).toBe(503);
    finish();
    expect((await first).status).toBe(201);
    const again = await post(receiver.url, "/v1/notification", { body: notification });
    expect([again.status, again.json]).toEqual([201, { id: notification.id }]);
    expect(handled).toHaveLength(1);
  });

  it("counts every answer by who gave it", async () => {
    const counted = notificationReceiver();
    const running = await serve(counted);
    try {
      const notification = withId(account, freshId());
      await post(running.url, "/v1/notification", { body: notification });
      await post(running.url, "/v1/notification", { body: notification });
      behave = () => {
        throw new Error("no");
      };
      await post(running.url, "/v1/notification", { body: withId(account, freshId()) });
      expect(counted.stats()).toMatchObject({
        answers: { handler: 1, duplicate: 1, "not-processed": 1 },
        failures: { "handler-threw": 1 },
      });
    } finally {
      await running.close();
    }
  });

  it("hands every delivery to your code when deduplication is off", async () => {
    const plain = await serve(notificationReceiver({ deduplication: false }));
    try {
      const notification = withId(account, freshId());
      await post(plain.url, "/v1/notification", { body: notification });
      await post(plain.url, "/v1/notification", { body: notification });
      expect(handled).toHaveLength(2);
    } finally {
      await plain.close();
    }
  });

  it("refuses a deadline beyond the documented 1000 ms", () => {
    expect(() => notificationReceiver({ deadlineMs: 1500 })).toThrow(ConfigurationError);
  });
});

describe("notification receiver: reads what Enfuce adds", () => {
  const money = { amount: 3.14, currency: "978" };

  it("hands unknown statuses, members and a numeric currency to onNotification unchanged", async () => {
    const notifications = [
      {
        ...withId(account, freshId()),
        status: "ACCOUNT_FROZEN",
        subType: "LIMIT_CHANGE",
        reminderStatus: "REMINDER8_SENT",
      },
      { ...withId(examples.card, freshId()), status: "CARD_FROZEN", productionEvent: "RCRD", addedLater: { x: 1 } },
      { ...withId(examples.transaction, freshId()), subType: "CLEARING", settlementAmount: money, feeAmount: money },
    ];
    for (const notification of notifications) {
      const reply = await post(receiver.url, "/v1/notification", { body: notification });
      expect(reply.status).toBe(201);
      expect(reply.json).toEqual({ id: notification.id });
    }
    expect(handled).toEqual(notifications);
  });

  it("hands a notification of a type it does not know to onUnknownNotification, and acknowledges it", async () => {
    const unknown: UnknownNotification[] = [];
    const withUnknown = await serve(
      createNotificationHandler({
        credentials,
        onNotification: (notification) => {
          handled.push(notification);
        },
        onUnknownNotification: (notification) => {
          unknown.push(notification);
          return { id: `seen-${notification.id}` };
        },
        onError: failures.record,
      }),
    );
    try {
      const dispute = { id: freshId(), type: "DISPUTE", branchCode: "752001", disputeId: "d-1", amount: { amount: 1 } };
      const reply = await post(withUnknown.url, "/v1/notification", { body: dispute });
      expect(reply.status).toBe(201);
      expect(reply.json).toEqual({ id: `seen-${dispute.id}` });
      expect(unknown).toEqual([dispute]);
      expect(handled).toEqual([]);
      // a known type still goes to onNotification
      expect((await post(withUnknown.url, "/v1/notification", { body: withId(account, freshId()) })).status).toBe(201);
      expect(handled).toHaveLength(1);
      expect(unknown).toHaveLength(1);
      // the members every notification carries are still required
      const { id: _, ...withoutId } = dispute;
      const refused = await post(withUnknown.url, "/v1/notification", { body: withoutId });
      expect(refused.json).toEqual({
        error: "the payload does not match the spec",
        problems: [{ field: "/id", message: "is required" }],
      });
      expect(failures.list).toEqual([]);
    } finally {
      await withUnknown.close();
    }
  });

  it("without onUnknownNotification, does not acknowledge an unknown type, so Enfuce delivers it again", async () => {
    const notification = { id: freshId(), type: "DISPUTE" };
    const reply = await post(receiver.url, "/v1/notification", { body: notification });
    expect(reply.status).toBe(500);
    expect(handled).toEqual([]);
    const [failure] = await failures.reported(1);
    expect(failure?.reason).toBe("handler-threw");
    expect(String((failure?.cause as Error | undefined)?.message)).toMatch(
      /"DISPUTE" is not known .* onUnknownNotification/,
    );
    // not taken: the redelivery is handled once a handler exists, not dropped as a duplicate
    expect((await post(receiver.url, "/v1/notification", { body: notification })).status).toBe(500);
  });

  it("refuses an onUnknownNotification that is not a function", () => {
    expect(() =>
      createNotificationHandler({
        credentials,
        onNotification: () => {},
        onUnknownNotification: "log" as unknown as () => void,
      }),
    ).toThrow(ConfigurationError);
  });
});

describe("notification receiver: refused payloads", () => {
  it("lists the fields of the notification type the payload claims to be", async () => {
    const { accountId: _, ...withoutAccount } = withId(account, freshId()) as Notification & { accountId: string };
    const reply = await post(receiver.url, "/v1/notification", { body: withoutAccount });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      error: "the payload does not match the spec",
      problems: [{ field: "/accountId", message: "is required" }],
    });
  });

  it("still refuses a wrong JSON type in a known notification, and a type that is not a string", async () => {
    const reply = await post(receiver.url, "/v1/notification", {
      body: { ...withId(account, freshId()), accountId: 1234567890 },
    });
    expect(reply.json).toEqual({
      error: "the payload does not match the spec",
      problems: [{ field: "/accountId", message: "must be string" }],
    });
    expect((await post(receiver.url, "/v1/notification", { body: { id: freshId(), type: 7 } })).status).toBe(400);
    expect(handled).toEqual([]);
  });

  it("needs an id to deduplicate by", async () => {
    const { id: _, ...withoutId } = account;
    const reply = await post(receiver.url, "/v1/notification", { body: withoutId });
    expect(reply.json).toEqual({
      error: "the payload does not match the spec",
      problems: [{ field: "/id", message: "is required" }],
    });
  });
});

describe("notification receiver: robustness", () => {
  it("answers random calls with 201, 400, 401, 413 or 415 only, leaks nothing and keeps serving", async () => {
    // A well-formed notification of a type this SDK does not know is, without onUnknownNotification,
    // deliberately not acknowledged (so Enfuce delivers it again); the fuzzer makes such payloads
    // (any string `type`), so this receiver acknowledges them.
    const tolerant = await serve(
      createNotificationHandler({
        credentials,
        onNotification: () => {},
        onUnknownNotification: () => {},
        onError: failures.record,
      }),
    );
    try {
      const problems = await fuzz({
        url: tolerant.url,
        path: "/v1/notification",
        example: account,
        successStatus: 201,
        maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      });
      expect(problems).toEqual([]);
      expect((await post(tolerant.url, "/v1/notification", { body: withId(account, freshId()) })).status).toBe(201);
    } finally {
      await tolerant.close();
    }
  }, 60_000);

  it("handles each of 1000 notifications once when 3000 deliveries of them arrive at once", async () => {
    const ids = Array.from({ length: 1000 }, () => freshId());
    const deliveries = [...ids, ...ids, ...ids].map((id, index) => ({ id, order: (index * 7919) % 3000 }));
    deliveries.sort((a, b) => a.order - b.order);
    const busy = await serve(notificationReceiver({ deadlineMs: 1000 }));
    try {
      const agent = busy.agent(100);
      const replies = await Promise.all(
        deliveries.map(({ id }) => post(busy.url, "/v1/notification", { body: withId(account, id), agent })),
      );
      expect(replies.filter((reply) => reply.status !== 201)).toEqual([]);
      expect(replies.filter((reply, index) => (reply.json as { id: string }).id !== deliveries[index]?.id)).toEqual([]);
      const handledIds = handled.map((notification) => notification.id);
      expect(handledIds).toHaveLength(ids.length);
      expect(new Set(handledIds)).toEqual(new Set(ids));
    } finally {
      await busy.close();
    }
  }, 60_000);

  it("acknowledges through handler.fetch as well", async () => {
    const notification = withId(account, freshId());
    const handler = notificationReceiver();
    const response = await handler.fetch(
      new Request("http://receiver.test/v1/notification", {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(notification),
      }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: notification.id });
  });
});
