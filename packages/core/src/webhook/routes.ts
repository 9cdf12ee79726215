// The three kinds of webhook a receiver serves, each built from the generated metadata:
// - decision: your code answers (authorisations); a fallback answers when it cannot;
// - acknowledgement: your code processes, the receiver acknowledges (notifications, ID), with
//   deduplication by the documented id; a failure is not acknowledged, so Enfuce delivers again;
// - automatic: the receiver answers by itself (warm-up).
import { ConfigurationError } from "../errors";
import { type Answer, emptyAnswer, INTERNAL_ERROR, jsonAnswer, NOT_PROCESSED } from "./answers";
import { CallContext, DeadlineQueue, isThenable, type Outcome, settleWithin } from "./deadline";
import type { DeduplicationStore } from "./deduplication";
import { WebhookError } from "./failure";
import { problemsOf } from "./problems";
import type { CompiledValidator, FieldProblem, WebhookContext, WebhookMeta } from "./types";

export interface CallInfo {
  readonly params: Readonly<Record<string, string>>;
  /** `performance.now()` when the request arrived: deadlines count from here. */
  readonly receivedAt: number;
}
export type Report = (error: WebhookError) => void;
/** Answers a valid payload through `respond`, exactly once; never throws. */
export type RouteAnswer = (payload: unknown, call: CallInfo, respond: (answer: Answer) => void) => void;

/** One webhook of a receiver; `createWebhookHandler` prepares it with its failure reporter. */
export interface WebhookRoute {
  readonly meta: WebhookMeta;
  readonly prepare: (report: Report) => RouteAnswer;
}

// Without an explicit deadline, answer within this share of the documented limit, leaving the rest
// for the network.
const DEFAULT_SHARE_OF_LIMIT = 0.8;

function deadlineOf(meta: WebhookMeta, deadlineMs: number | undefined): number {
  if (deadlineMs === undefined) {
    if (meta.timeoutMs === null) {
      throw new ConfigurationError(
        `${meta.operationId}: deadlineMs is required, because the docs set no time limit for this webhook`,
      );
    }
    return Math.floor(meta.timeoutMs * DEFAULT_SHARE_OF_LIMIT);
  }
  if (typeof deadlineMs !== "number" || !Number.isFinite(deadlineMs) || deadlineMs <= 0) {
    throw new ConfigurationError(`${meta.operationId}: deadlineMs must be a positive number of milliseconds`);
  }
  if (meta.timeoutMs !== null && deadlineMs > meta.timeoutMs) {
    throw new ConfigurationError(
      `${meta.operationId}: deadlineMs must not exceed the ${meta.timeoutMs} ms within which Enfuce expects the answer`,
    );
  }
  return deadlineMs;
}

function checkHandler(meta: WebhookMeta, handle: unknown): void {
  if (typeof handle !== "function")
    throw new ConfigurationError(`the handler of ${meta.operationId} must be a function`);
}

/** `make()`'s answer, or 500 if the receiver itself fails: answers are given from callbacks, where a throw would go unhandled. */
function safely(report: Report, operationId: string, make: () => Answer): Answer {
  try {
    return make();
  } catch (cause) {
    report(new WebhookError(operationId, "internal-error", "the receiver failed; answered 500", { cause }));
    return INTERNAL_ERROR;
  }
}

/** The validated JSON answer for `value`, or the problems that keep it from being sent. */
function validAnswer(validate: CompiledValidator, status: number, value: unknown): Answer | FieldProblem[] {
  if (!validate(value)) return problemsOf(validate, [], value);
  return jsonAnswer(status, value) ?? [{ field: "", message: "cannot be written as JSON" }];
}

export interface DecisionOptions<Request, Decision, Params> {
  readonly handle: (request: Request, context: WebhookContext<Params>) => Decision | PromiseLike<Decision>;
  /** Sent when `handle` throws, answers something invalid or misses the deadline. */
  readonly fallback: Decision | ((request: Request, failure: WebhookError) => Decision);
  /** Time for `handle`, counted from the arrival of the request. Default: 80% of the documented limit. */
  readonly deadlineMs?: number | undefined;
}

export function decisionRoute<Request, Decision, Params = Readonly<Record<string, string>>>(
  meta: WebhookMeta,
  options: DecisionOptions<Request, Decision, Params>,
): WebhookRoute {
  const validate = meta.validateResponse;
  if (!validate) throw new ConfigurationError(`${meta.operationId} documents no answer body to decide with`);
  checkHandler(meta, options.handle);
  const deadlineMs = deadlineOf(meta, options.deadlineMs);
  const { fallback, handle } = options;
  if (typeof fallback !== "function" && !validate(fallback)) {
    const problems = problemsOf(validate, [], fallback).map((p) => `${p.field || "(body)"} ${p.message}`);
    throw new ConfigurationError(
      `the fallback of ${meta.operationId} does not match its response schema: ${problems.join("; ")}`,
    );
  }
  const { operationId, successStatus } = meta;

  return {
    meta,
    prepare(report) {
      const sendFallback = (request: Request, failure: WebhookError): Answer => {
        report(failure);
        let decision: unknown;
        try {
          decision =
            typeof fallback === "function"
              ? (fallback as (request: Request, failure: WebhookError) => Decision)(request, failure)
              : fallback;
        } catch (cause) {
          report(new WebhookError(operationId, "fallback-failed", "the fallback threw; answered 500", { cause }));
          return INTERNAL_ERROR;
        }
        const answer = validAnswer(validate, successStatus, decision);
        if (!Array.isArray(answer)) return answer;
        report(
          new WebhookError(
            operationId,
            "fallback-failed",
            "the fallback does not match the response schema; answered 500",
            {
              problems: answer,
            },
          ),
        );
        return INTERNAL_ERROR;
      };

      const finish = (request: Request, outcome: Outcome<Decision>): Answer => {
        switch (outcome.kind) {
          case "answered": {
            const answer = validAnswer(validate, successStatus, outcome.value);
            if (!Array.isArray(answer)) return answer;
            return sendFallback(
              request,
              new WebhookError(
                operationId,
                "invalid-answer",
                "the handler's answer does not match the response schema; the fallback was sent",
                { problems: answer },
              ),
            );
          }
          case "threw":
            return sendFallback(
              request,
              new WebhookError(operationId, "handler-threw", "the handler threw; the fallback was sent", {
                cause: outcome.error,
              }),
            );
          case "deadline":
            return sendFallback(
              request,
              new WebhookError(
                operationId,
                "deadline-missed",
                `the handler had not answered after ${deadlineMs} ms; the fallback was sent`,
              ),
            );
        }
      };

      const late = (outcome: Outcome<Decision>) => {
        if (outcome.kind === "threw") {
          report(
            new WebhookError(operationId, "handler-threw", "the handler threw after the deadline", {
              cause: outcome.error,
            }),
          );
        }
      };

      const queue = new DeadlineQueue();
      return (payload, call, respond) => {
        const request = payload as Request;
        const context = new CallContext(operationId, call.params as Params);
        settleWithin(
          () => handle(request, context),
          call.receivedAt + deadlineMs,
          queue,
          context,
          (outcome) => respond(safely(report, operationId, () => finish(request, outcome))),
          late,
        );
      };
    },
  };
}

export interface AcknowledgementOptions<Request, Result, Params> {
  readonly handle: (request: Request, context: WebhookContext<Params>) => Result | PromiseLike<Result>;
  /** Time for `handle`, counted from the arrival of the request. Default: 80% of the documented limit. */
  readonly deadlineMs?: number | undefined;
  /** Drops redeliveries of an id already handled (the payload member named by `x-enfuce-id-field`). */
  readonly store?: DeduplicationStore | undefined;
  /** The body acknowledging `request` when `handle` returns none (or an invalid one). */
  readonly acknowledgement?: (request: Request) => unknown;
}

export function acknowledgementRoute<Request, Result, Params = Readonly<Record<string, string>>>(
  meta: WebhookMeta,
  options: AcknowledgementOptions<Request, Result, Params>,
): WebhookRoute {
  checkHandler(meta, options.handle);
  const deadlineMs = deadlineOf(meta, options.deadlineMs);
  const { handle, store, acknowledgement } = options;
  const { operationId, successStatus, idField } = meta;
  const validate = meta.validateResponse;
  if (store && idField === null) {
    throw new ConfigurationError(`${operationId} documents no id (x-enfuce-id-field) to deduplicate by`);
  }

  const idOf = (payload: unknown): string | undefined => {
    if (!store || idField === null || typeof payload !== "object" || payload === null) return undefined;
    const id = (payload as Record<string, unknown>)[idField];
    return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
  };

  return {
    meta,
    prepare(report) {
      const acknowledged = (request: Request, result: Result | undefined): Answer => {
        if (!validate) return emptyAnswer(successStatus);
        if (result !== undefined) {
          const answer = validAnswer(validate, successStatus, result);
          if (!Array.isArray(answer)) return answer;
          report(
            new WebhookError(
              operationId,
              "invalid-answer",
              "the handler's answer does not match the response schema; acknowledged with the default body",
              { problems: answer },
            ),
          );
        }
        const fallbackBody = acknowledgement ? acknowledgement(request) : {};
        const answer = validAnswer(validate, successStatus, fallbackBody);
        return Array.isArray(answer) ? emptyAnswer(successStatus) : answer;
      };

      const release = (id: string | undefined) => {
        if (id === undefined || !store) return;
        const failed = (cause: unknown) =>
          report(new WebhookError(operationId, "store-failed", "the store could not release the id", { cause }));
        try {
          const released = store.release(id);
          if (isThenable(released)) released.then(undefined, failed);
        } catch (cause) {
          failed(cause);
        }
      };

      const finish = (request: Request, id: string | undefined, outcome: Outcome<Result>): Answer => {
        switch (outcome.kind) {
          case "answered":
            return acknowledged(request, outcome.value);
          case "threw":
            release(id);
            report(
              new WebhookError(operationId, "handler-threw", "the handler threw; the call was not acknowledged", {
                cause: outcome.error,
              }),
            );
            return NOT_PROCESSED;
          case "deadline":
            // The id stays taken while the handler may still finish; `late` frees it if it fails.
            report(
              new WebhookError(
                operationId,
                "deadline-missed",
                `the handler had not finished after ${deadlineMs} ms; the call was not acknowledged`,
              ),
            );
            return NOT_PROCESSED;
        }
      };

      const queue = new DeadlineQueue();
      const run = (request: Request, id: string | undefined, call: CallInfo, respond: (answer: Answer) => void) => {
        const context = new CallContext(operationId, call.params as Params);
        const late = (outcome: Outcome<Result>) => {
          if (outcome.kind !== "threw") return;
          release(id);
          report(
            new WebhookError(operationId, "handler-threw", "the handler threw after the deadline", {
              cause: outcome.error,
            }),
          );
        };
        settleWithin(
          () => handle(request, context),
          call.receivedAt + deadlineMs,
          queue,
          context,
          (outcome) => respond(safely(report, operationId, () => finish(request, id, outcome))),
          late,
        );
      };

      const storeFailed = (cause: unknown): Answer => {
        report(
          new WebhookError(operationId, "store-failed", "the store failed; the call was not acknowledged", { cause }),
        );
        return NOT_PROCESSED;
      };

      return (payload, call, respond) => {
        const request = payload as Request;
        const id = idOf(payload);
        if (id === undefined || !store) {
          run(request, undefined, call, respond);
          return;
        }
        const decide = (taken: boolean) => {
          if (taken) run(request, id, call, respond);
          else respond(safely(report, operationId, () => acknowledged(request, undefined)));
        };
        let claimed: boolean | PromiseLike<boolean>;
        try {
          claimed = store.claim(id);
        } catch (cause) {
          respond(storeFailed(cause));
          return;
        }
        if (isThenable(claimed)) Promise.resolve(claimed).then(decide, (cause: unknown) => respond(storeFailed(cause)));
        else decide(claimed);
      };
    },
  };
}

/** A webhook the receiver answers by itself once the payload is valid, such as a warm-up call. */
export function automaticRoute(meta: WebhookMeta): WebhookRoute {
  const answer = emptyAnswer(meta.successStatus);
  return { meta, prepare: () => (_payload, _call, respond) => respond(answer) };
}
