import {
  acknowledgementRoute,
  createWebhookHandler,
  type DeduplicationOptions,
  type DeduplicationStore,
  deduplicationOptionOf,
  type WebhookContext,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from "@enfuce-sdk/core";
import type { AuthenticationInitiation } from "./generated/aliases";
import { webhookSpec } from "./generated/webhooks";

/** The path parameters of the authentication webhook. */
export interface AuthenticationSession {
  readonly customerNumber: string;
  readonly sessionId: string;
}

export interface IdHandlerOptions extends WebhookHandlerOptions {
  /**
   * Starts authenticating the cardholder of `context.params` (customer number and session id).
   * Once it returns, the receiver answers 200; report the result later to `request.callbackUrl`
   * with `reportAuthenticationResult`. If it throws or misses the deadline the receiver answers 500,
   * so that Enfuce calls again; a call for a session another call is still processing gets 503.
   */
  readonly onAuthenticationRequest: (
    request: AuthenticationInitiation,
    context: WebhookContext<AuthenticationSession>,
  ) => void | PromiseLike<void>;
  /**
   * Milliseconds `onAuthenticationRequest` may take. Default: the share `DEFAULT_DEADLINE_SHARE` of the
   * limit the docs set for this webhook (`webhookSpec.operations.initiateAuthentication.timeoutMs`);
   * the rest is left for the network.
   */
  readonly deadlineMs?: number;
  /**
   * Handles each session id once, so that a redelivery is answered 200 without calling
   * `onAuthenticationRequest` again. Default: `createMemoryDeduplicationStore()`, which covers one
   * process; behind a load balancer give a shared store (`createRedisDeduplicationStore` of
   * `@enfuce-sdk/redis`), alone or with `leaseMs`, `storeTimeoutMs` and `whenStoreFails`. `false`
   * hands every delivery to your code.
   */
  readonly deduplication?: DeduplicationStore | DeduplicationOptions | false;
}

/** A receiver for the out-of-band authentication webhook, `POST /v1/authenticate/{customerNumber}/{sessionId}`. */
export function createIdHandler(options: IdHandlerOptions): WebhookHandler {
  return createWebhookHandler(options, [
    acknowledgementRoute(webhookSpec.operations.initiateAuthentication, {
      handle: options.onAuthenticationRequest,
      deadlineMs: options.deadlineMs,
      deduplication: deduplicationOptionOf(options.deduplication),
    }),
  ]);
}
