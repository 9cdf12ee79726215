import {
  acknowledgementRoute,
  createWebhookHandler,
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
   * with `reportAuthenticationResult`. If it throws or misses the deadline the receiver answers 500.
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
}

/** A receiver for the out-of-band authentication webhook, `POST /v1/authenticate/{customerNumber}/{sessionId}`. */
export function createIdHandler(options: IdHandlerOptions): WebhookHandler {
  return createWebhookHandler(options, [
    acknowledgementRoute(webhookSpec.operations.initiateAuthentication, {
      handle: options.onAuthenticationRequest,
      deadlineMs: options.deadlineMs,
    }),
  ]);
}
