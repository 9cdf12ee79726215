import {
  automaticRoute,
  createWebhookHandler,
  type DecisionStore,
  type DecisionStoreOptions,
  decisionRoute,
  decisionsOptionOf,
  type WebhookContext,
  type WebhookError,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from "@enfuce-sdk/core";
import type { AuthorisationRequest, AuthorisationResponse } from "./generated/aliases";
import { webhookSpec } from "./generated/webhooks";

export interface AuthorisationControlHandlerOptions extends WebhookHandlerOptions {
  /** Your decision on one authorisation; it is checked against the response schema before it is sent. */
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
  /**
   * Retains each decision by authorisation id (`metadata.id`), so that a redelivered authorisation
   * gets the same decision, from any instance, without calling `onAuthorisation` again. Default:
   * `createMemoryDecisionStore()`, which covers one process; behind a load balancer give a shared
   * store (`createRedisDecisionStore` of `@enfuce-sdk/redis`), alone or with `storeTimeoutMs`. While
   * the store fails or is slow, calls are decided without it (reported and counted). `false` decides
   * every call afresh.
   */
  readonly decisions?: DecisionStore | DecisionStoreOptions | false;
}

/** A receiver for `POST /auth` (your decision) and `POST /warm-up` (answered without your code). */
export function createAuthorisationControlHandler(options: AuthorisationControlHandlerOptions): WebhookHandler {
  const { warmUpPost, authPost } = webhookSpec.operations;
  return createWebhookHandler(options, [
    automaticRoute(warmUpPost),
    decisionRoute(authPost, {
      handle: options.onAuthorisation,
      fallback: options.fallback,
      deadlineMs: options.deadlineMs,
      decisions: decisionsOptionOf(options.decisions),
    }),
  ]);
}
