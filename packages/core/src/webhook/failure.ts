import { EnfuceError } from "../errors";
import type { FieldProblem } from "./types";

export type WebhookFailureReason =
  /** Your code threw or its promise rejected (also reported when that happens after the deadline). */
  | "handler-threw"
  /** Your code had not answered when the deadline passed. */
  | "deadline-missed"
  /** Your answer does not match the response schema; `problems` says where. */
  | "invalid-answer"
  /** The fallback threw or is invalid, so the receiver answered 500. */
  | "fallback-failed"
  /** The deduplication store failed, so the delivery was not handled (Enfuce will send it again). */
  | "store-failed"
  /** A failure of the receiver itself; it answered 500. */
  | "internal-error";

/**
 * A failure on a webhook call, given to `onError` after the receiver has answered. It names the
 * operation and the reason; `cause` is what your code threw. It never holds a credential or a payload.
 */
export class WebhookError extends EnfuceError {
  override name = "WebhookError";
  readonly operationId: string;
  readonly reason: WebhookFailureReason;
  readonly problems: readonly FieldProblem[];

  constructor(
    operationId: string,
    reason: WebhookFailureReason,
    message: string,
    options: { cause?: unknown; problems?: readonly FieldProblem[] } = {},
  ) {
    super(`${operationId}: ${message}`, "cause" in options ? { cause: options.cause } : undefined);
    this.operationId = operationId;
    this.reason = reason;
    this.problems = options.problems ?? [];
  }
}
