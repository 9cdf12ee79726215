import {
  createWebhookHandler,
  decisionRoute,
  type WebhookContext,
  type WebhookError,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from "@enfuce-sdk/core";
import type { AuthorisationRequest, AuthorisationResponse } from "./generated/aliases";
import { webhookSpec } from "./generated/webhooks";

export interface AuthorisationForwardingHandlerOptions extends WebhookHandlerOptions {
  /** Your decision (DE39 and optional amounts); it is checked against the response schema before it is sent. */
  readonly onAuthorisation: (
    request: AuthorisationRequest,
    context: WebhookContext,
  ) => AuthorisationResponse | PromiseLike<AuthorisationResponse>;
  /** The decision sent when `onAuthorisation` throws, answers something invalid or misses the deadline. */
  readonly fallback:
    | AuthorisationResponse
    | ((request: AuthorisationRequest, failure: WebhookError) => AuthorisationResponse);
  /** Milliseconds `onAuthorisation` may take from the arrival of the call. The docs set no limit: choose one. */
  readonly deadlineMs: number;
}

/**
 * A receiver for the forwarded authorisation, `POST /auth`.
 * @deprecated Enfuce is retiring Authorisation Forwarding in favour of Authorisation Control.
 */
export function createAuthorisationForwardingHandler(options: AuthorisationForwardingHandlerOptions): WebhookHandler {
  return createWebhookHandler(options, [
    decisionRoute(webhookSpec.operations.authPost, {
      handle: options.onAuthorisation,
      fallback: options.fallback,
      deadlineMs: options.deadlineMs,
    }),
  ]);
}
