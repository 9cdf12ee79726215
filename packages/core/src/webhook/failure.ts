import { EnfuceError } from "../errors";
import type { Outcome } from "./deadline";
import type { FieldProblem } from "./types";

/** Why a call failed, each reason described where it is listed. */
export const FAILURE_REASONS = [
  /** Your code threw or its promise rejected (also reported when that happens after the deadline). */
  "handler-threw",
  /** Your code had not answered when the deadline passed. */
  "deadline-missed",
  /** Your answer does not match the response schema; `problems` says where. */
  "invalid-answer",
  /** The fallback threw or is invalid, so the receiver answered 500. */
  "fallback-failed",
  /**
   * A shared store (deduplication, decisions) failed or did not answer in time; the message says
   * what the receiver did instead. Reported at most once a second per webhook; `stats()` counts all.
   */
  "store-failed",
  /** A failure of the receiver itself; it answered 500. */
  "internal-error",
] as const;

export type WebhookFailureReason = (typeof FAILURE_REASONS)[number];

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

// Each kind of failure is built here, once. A message says what went wrong, then what the receiver
// did about it (`then`), so that one log line is enough to know whether Enfuce got an answer.

export const FALLBACK_SENT = "the fallback was sent";
export const NOT_ACKNOWLEDGED = "the call was not acknowledged";
export const ANSWERED_500 = "answered 500";

export const failures = {
  handlerThrew: (operationId: string, cause: unknown, then: string) =>
    new WebhookError(operationId, "handler-threw", `the handler threw; ${then}`, { cause }),
  /** The receiver had answered already (the deadline passed), so this is only told. */
  handlerThrewLate: (operationId: string, cause: unknown) =>
    new WebhookError(operationId, "handler-threw", "the handler threw after the deadline", { cause }),
  deadlineMissed: (operationId: string, deadlineMs: number, then: string) =>
    new WebhookError(operationId, "deadline-missed", `the handler had not answered after ${deadlineMs} ms; ${then}`),
  invalidAnswer: (operationId: string, problems: readonly FieldProblem[], then: string) =>
    new WebhookError(
      operationId,
      "invalid-answer",
      `the handler's answer does not match the response schema; ${then}`,
      {
        problems,
      },
    ),
  fallbackThrew: (operationId: string, cause: unknown) =>
    new WebhookError(operationId, "fallback-failed", `the fallback threw; ${ANSWERED_500}`, { cause }),
  fallbackInvalid: (operationId: string, problems: readonly FieldProblem[]) =>
    new WebhookError(
      operationId,
      "fallback-failed",
      `the fallback does not match the response schema; ${ANSWERED_500}`,
      {
        problems,
      },
    ),
  storeFailed: (operationId: string, cause: unknown, then: string) =>
    new WebhookError(operationId, "store-failed", `the store failed; ${then}`, { cause }),
  /** Why a store call gave no usable answer: it threw, did not answer in time, or answered something unexpected. */
  storeMissed(operationId: string, method: string, outcome: Outcome<unknown>, timeoutMs: number, then: string) {
    if (outcome.kind === "threw") return failures.storeFailed(operationId, outcome.error, then);
    const message =
      outcome.kind === "deadline"
        ? `the store had not answered ${method}() after ${timeoutMs} ms; ${then}`
        : `the store answered ${method}() with something it may not; ${then}`;
    return new WebhookError(operationId, "store-failed", message);
  },
  internalError: (operationId: string, cause: unknown) =>
    new WebhookError(operationId, "internal-error", `the receiver failed; ${ANSWERED_500}`, { cause }),
};
