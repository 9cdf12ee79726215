import {
  acknowledgementRoute,
  ConfigurationError,
  createWebhookHandler,
  type DeduplicationOptions,
  type DeduplicationStore,
  deduplicationOptionOf,
  isUnknownVariant,
  type WebhookContext,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from "@enfuce-sdk/core";
import type { Notification, NotificationResponse, UnknownNotification } from "./generated/aliases";
import { webhookSpec } from "./generated/webhooks";

// biome-ignore lint/suspicious/noConfusingVoidType: the handler may return nothing (async or not) or the body
type Acknowledgement = void | NotificationResponse | PromiseLike<void | NotificationResponse>;

export interface NotificationHandlerOptions extends WebhookHandlerOptions {
  /**
   * Processes one notification of a type this SDK version knows. Once it returns, the receiver
   * acknowledges with 201 and what it returned (default `{ id }` of the notification). If it throws
   * or misses the deadline the call is not acknowledged (500), so that Enfuce delivers it again. A
   * delivery of an id another call is still processing gets 503, so that Enfuce delivers it later.
   */
  readonly onNotification: (notification: Notification, context: WebhookContext) => Acknowledgement;
  /**
   * Processes a notification of a type Enfuce added after this SDK version (`type` is none of
   * `NotificationType`), as received. Acknowledged like `onNotification`. Without it such a
   * notification is not acknowledged (500) and reported to `onError`, so that Enfuce delivers it
   * again once you handle it, instead of it being lost.
   */
  readonly onUnknownNotification?: (notification: UnknownNotification, context: WebhookContext) => Acknowledgement;
  /**
   * Milliseconds `onNotification` may take. Default: the share `DEFAULT_DEADLINE_SHARE` of the limit the
   * docs set for this webhook (`webhookSpec.operations.receiveNotification.timeoutMs`); the rest is
   * left for the network.
   */
  readonly deadlineMs?: number;
  /**
   * Handles each notification id once, so that a redelivery is acknowledged without calling
   * `onNotification` again. Default: `createMemoryDeduplicationStore()`, which covers one process.
   * Behind a load balancer give a shared store, such as `createRedisDeduplicationStore` of
   * `@enfuce-sdk/redis`, alone or with `leaseMs`, `storeTimeoutMs` and `whenStoreFails` (what to do
   * while the store is down: by default answer 503 so that Enfuce delivers again and nothing is lost).
   * `false` hands every delivery to `onNotification`.
   */
  readonly deduplication?: DeduplicationStore | DeduplicationOptions | false;
}

const unhandled = (notification: UnknownNotification): never => {
  throw new Error(
    `notification type ${JSON.stringify(String(notification.type).slice(0, 40))} is not known to this SDK version and no onUnknownNotification is given; not acknowledged, so Enfuce delivers it again`,
  );
};

/** A receiver for `POST /v1/notification` with deduplication by notification id. */
export function createNotificationHandler(options: NotificationHandlerOptions): WebhookHandler {
  const meta = webhookSpec.operations.receiveNotification;
  for (const name of ["onNotification", "onUnknownNotification"] as const) {
    const handle = options[name];
    if (typeof handle !== "function" && (name === "onNotification" || handle !== undefined)) {
      throw new ConfigurationError(`${name} must be a function`);
    }
  }
  const onUnknown = options.onUnknownNotification ?? unhandled;
  return createWebhookHandler(options, [
    acknowledgementRoute(meta, {
      handle: (notification: Notification | UnknownNotification, context: WebhookContext) =>
        isUnknownVariant(meta, notification)
          ? onUnknown(notification as UnknownNotification, context)
          : options.onNotification(notification as Notification, context),
      deadlineMs: options.deadlineMs,
      deduplication: deduplicationOptionOf(options.deduplication),
      acknowledgement: (notification) => ({ id: notification.id }),
    }),
  ]);
}
