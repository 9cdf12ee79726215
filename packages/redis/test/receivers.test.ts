// Receivers sharing one real Redis, in this process: what one instance handled or decided, the other
// knows; while Redis is down or slow, notifications get 503 (nothing lost) and authorisations are
// decided without it, on time.
import { randomUUID } from "node:crypto";
import {
  type AuthorisationResponse,
  webhookSpec as authorisationSpec,
  createAuthorisationControlHandler,
} from "@enfuce-sdk/authorisation-control";
import { createIdHandler, webhookSpec as idSpec } from "@enfuce-sdk/id";
import { createNotificationHandler, type Notification, webhookSpec } from "@enfuce-sdk/notification";
import { credentials, post, type RunningReceiver, serve } from "@enfuce-sdk/test-kit/webhook-receiver";
import { type RunningRedis, startRedisServer } from "@enfuce-sdk/workspace";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createRedisDecisionStore, createRedisDeduplicationStore } from "../src";
import { receiverClient } from "./support/redis-client.mjs";

const url = inject("redisUrl");
const account = webhookSpec.operations.receiveNotification.requestExamples.account;
const authorisation = authorisationSpec.operations.authPost.requestExamples.retail;
const authentication = idSpec.operations.initiateAuthentication.requestExamples.withTransaction;
const APPROVE: AuthorisationResponse = { transactionData: { responseCode: "00" } };
const DECLINE: AuthorisationResponse = { transactionData: { responseCode: "05" } };
const notificationOf = (id: string) => ({ ...account, id }) as Notification;
const authorisationOf = (id: string) => ({ ...authorisation, metadata: { ...authorisation.metadata, id } });

type Client = Awaited<ReturnType<typeof receiverClient>>;

describe.skipIf(url === null)("receivers sharing one Redis", () => {
  let client: Client;
  const open: RunningReceiver[] = [];
  const started = async (handler: Parameters<typeof serve>[0]) => {
    const running = await serve(handler);
    open.push(running);
    return running;
  };

  beforeAll(async () => {
    client = await receiverClient(url as string);
  });
  afterAll(async () => {
    await Promise.all(open.map((receiver) => receiver.close()));
    await client.close();
  });

  it("processes a notification delivered to two instances at once exactly once", async () => {
    const store = createRedisDeduplicationStore(client, { keyPrefix: `test:${randomUUID()}:` });
    const handled: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The instance that claims first holds the notification until the other has answered, so the
    // overlap does not depend on the machine's speed; the store gets most of the deadline for the same reason.
    const instance = () =>
      started(
        createNotificationHandler({
          credentials,
          deadlineMs: 1000,
          deduplication: { store, storeTimeoutMs: 900 },
          onNotification: async (notification) => {
            handled.push(notification.id);
            await held;
          },
        }),
      );
    const [a, b] = await Promise.all([instance(), instance()]);
    const notification = notificationOf(`n-${randomUUID()}`);
    const deliveries = [a, b].map((to) => post(to.url, "/v1/notification", { body: notification }));
    expect((await Promise.race(deliveries)).status).toBe(503);
    release();
    const replies = await Promise.all(deliveries);
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 503]);
    expect(handled).toEqual([notification.id]);
    const redelivered = await post(b.url, "/v1/notification", { body: notification });
    expect([redelivered.status, redelivered.json]).toEqual([201, { id: notification.id }]);
    expect(handled).toHaveLength(1);
  });

  it("starts an ID session once while another instance is still starting it, and never again", async () => {
    const store = createRedisDeduplicationStore(client, { keyPrefix: `test:${randomUUID()}:` });
    const startedSessions: string[] = [];
    let finish = () => {};
    const starting = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const instance = () =>
      started(
        createIdHandler({
          credentials,
          deadlineMs: 1000,
          deduplication: { store, storeTimeoutMs: 900 },
          onAuthenticationRequest: async (_request, { params }) => {
            startedSessions.push(params.sessionId);
            await starting;
          },
        }),
      );
    const [a, b] = await Promise.all([instance(), instance()]);
    const sessionId = randomUUID();
    const path = `/v1/authenticate/392492402/${sessionId}`;
    const first = post(a.url, path, { body: authentication });
    await expect.poll(() => startedSessions.length).toBe(1);
    const meanwhile = await post(b.url, path, { body: authentication });
    expect([meanwhile.status, meanwhile.headers["retry-after"]]).toEqual([503, "1"]);
    finish();
    expect((await first).status).toBe(200);
    expect((await post(b.url, path, { body: authentication })).status).toBe(200);
    expect(startedSessions).toEqual([sessionId]);
  });

  it("answers a redelivered authorisation on another instance with the decision given, without your code", async () => {
    const store = createRedisDecisionStore(client, { keyPrefix: `test:${randomUUID()}:` });
    const decided: string[] = [];
    const instance = (decision: AuthorisationResponse) =>
      started(
        createAuthorisationControlHandler({
          credentials,
          deadlineMs: 3000,
          fallback: DECLINE,
          decisions: { store, storeTimeoutMs: 2500 },
          onAuthorisation: (request) => {
            decided.push(String(request.metadata.id));
            return decision;
          },
        }),
      );
    const [a, b] = await Promise.all([instance(APPROVE), instance(DECLINE)]);
    const payload = authorisationOf(`a-${randomUUID()}`);
    expect((await post(a.url, "/auth", { body: payload })).json).toEqual(APPROVE);
    expect((await post(b.url, "/auth", { body: payload })).json).toEqual(APPROVE);
    expect(decided).toEqual([payload.metadata.id]);
  });
});

describe.skipIf(url === null)("receivers while their Redis is down or slow", () => {
  let redis: RunningRedis;
  let client: Client;
  let notifications: ReturnType<typeof createNotificationHandler>;
  let authorisations: ReturnType<typeof createAuthorisationControlHandler>;
  let receivers: RunningReceiver[];
  const handled: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    client = await receiverClient(redis.url);
    notifications = createNotificationHandler({
      credentials,
      deduplication: { store: createRedisDeduplicationStore(client), storeTimeoutMs: 50 },
      onNotification: (notification) => void handled.push(notification.id),
      onError: () => {},
    });
    authorisations = createAuthorisationControlHandler({
      credentials,
      deadlineMs: 300,
      fallback: DECLINE,
      decisions: { store: createRedisDecisionStore(client), storeTimeoutMs: 50 },
      onAuthorisation: () => APPROVE,
      onError: () => {},
    });
    receivers = await Promise.all([serve(notifications), serve(authorisations)]);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    client.destroy();
    await redis.stop();
  });

  it("answers 503 to notifications and decides authorisations without the store, then recovers", async () => {
    const [notificationReceiver, authorisationReceiver] = receivers as [RunningReceiver, RunningReceiver];
    await redis.stop();
    const notification = notificationOf(`n-${randomUUID()}`);
    const refused = await post(notificationReceiver.url, "/v1/notification", { body: notification });
    expect(refused.status).toBe(503);
    const decided = await post(authorisationReceiver.url, "/auth", { body: authorisationOf(`a-${randomUUID()}`) });
    expect([decided.status, decided.json]).toEqual([200, APPROVE]);
    expect(handled).toEqual([]);

    await redis.start();
    await expect
      .poll(async () => (await post(notificationReceiver.url, "/v1/notification", { body: notification })).status, {
        interval: 50,
        timeout: 5000,
      })
      .toBe(201);
    expect(handled).toEqual([notification.id]);
    expect(notifications.stats().answers["store-unavailable"]).toBeGreaterThanOrEqual(1);
    expect(authorisations.stats().failures["store-failed"]).toBeGreaterThanOrEqual(1);
  });

  it("does not wait for a slow Redis past the store's time", async () => {
    const [notificationReceiver, authorisationReceiver] = receivers as [RunningReceiver, RunningReceiver];
    // Redis holds every command for a minute: a receiver that waited on it would not answer in this test.
    await client.sendCommand(["CLIENT", "PAUSE", "60000", "ALL"]);
    const [refused, decided] = await Promise.all([
      post(notificationReceiver.url, "/v1/notification", { body: notificationOf(`n-${randomUUID()}`) }),
      post(authorisationReceiver.url, "/auth", { body: authorisationOf(`a-${randomUUID()}`) }),
    ]);
    expect([refused.status, decided.status, decided.json]).toEqual([503, 200, APPROVE]);
  });
});
