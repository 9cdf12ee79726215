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
  /** Milliseconds `onAuthenticationRequest` may take. Default 1600: Enfuce expects the answer within 2000. */
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
