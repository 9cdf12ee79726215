import {
  acknowledgementRoute,
  createMemoryDeduplicationStore,
  createWebhookHandler,
  type DeduplicationStore,
  type WebhookContext,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from "@enfuce-sdk/core";
import type { Notification, NotificationResponse } from "./generated/aliases";
import { webhookSpec } from "./generated/webhooks";

export interface NotificationHandlerOptions extends WebhookHandlerOptions {
  /**
   * Processes one notification. Once it returns, the receiver acknowledges with 201 and what it
   * returned (default `{ id }` of the notification). If it throws or misses the deadline the call is
   * not acknowledged (500), so that Enfuce delivers it again.
   */
  readonly onNotification: (
    notification: Notification,
    context: WebhookContext,
    // biome-ignore lint/suspicious/noConfusingVoidType: the handler may return nothing (async or not) or the body
  ) => void | NotificationResponse | PromiseLike<void | NotificationResponse>;
  /**
   * Milliseconds `onNotification` may take. Default: the share `DEFAULT_DEADLINE_SHARE` of the limit the
   * docs set for this webhook (`webhookSpec.operations.receiveNotification.timeoutMs`); the rest is
   * left for the network.
   */
  readonly deadlineMs?: number;
  /**
   * Where taken notification ids are kept, so that a redelivery is acknowledged without calling
   * `onNotification` again. Default: the last 10 000 ids in memory; `false` turns deduplication off.
   */
  readonly deduplication?: DeduplicationStore | false;
}

/** A receiver for `POST /v1/notification` with deduplication by notification id. */
export function createNotificationHandler(options: NotificationHandlerOptions): WebhookHandler {
  const store =
    options.deduplication === false ? undefined : (options.deduplication ?? createMemoryDeduplicationStore());
  return createWebhookHandler(options, [
    acknowledgementRoute(webhookSpec.operations.receiveNotification, {
      handle: options.onNotification,
      deadlineMs: options.deadlineMs,
      store,
      acknowledgement: (notification: Notification) => ({ id: notification.id }),
    }),
  ]);
}
