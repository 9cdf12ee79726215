// What every kind of webhook route shares: how the receiver hands it a valid payload, how it
// answers, and how it reports a failure after answering. The kinds:
// - decision-route.ts: your code answers (authorisations); a fallback answers when it cannot;
// - acknowledgement-route.ts: your code processes, the receiver acknowledges (notifications, ID);
// - automaticRoute below: the receiver answers by itself (warm-up).
import type { WebhookCallTrace } from "../tracing/webhook-spans";
import { type Answer, emptyAnswer, INTERNAL_ERROR } from "./answers";
import { attempt, CallContext, DeadlineQueue, type Outcome, settleWithin } from "./deadline";
import { failures, type WebhookError } from "./failure";
import type { WebhookContext, WebhookMeta } from "./types";

export interface CallInfo {
  readonly params: Readonly<Record<string, string>>;
  /** `performance.now()` when the request arrived: deadlines count from here. */
  readonly receivedAt: number;
  /** Set when the call is traced: what the route tells its span. */
  readonly trace?: WebhookCallTrace | undefined;
}
export type Report = (error: WebhookError) => void;

/**
 * Who gave an answer: your code (`handler`), the `fallback`, a decision the store retained
 * (`stored-decision`), the receiver for a redelivery already handled (`duplicate`), a refusal while
 * another call holds the id (`in-progress`) or while the store is unavailable (`store-unavailable`),
 * a failure of your code (`not-processed`), the receiver by itself (`warm-up`), a refusal of a
 * payload that breaks the spec (`invalid-payload`), or a failure of the receiver (`internal-error`).
 * Counted in `handler.stats()` and set on the call's span; refusals before the body is read (401,
 * 404, 413, 415) are not.
 */
export const ANSWER_SOURCES = [
  "handler",
  "fallback",
  "stored-decision",
  "duplicate",
  "in-progress",
  "store-unavailable",
  "not-processed",
  "warm-up",
  "invalid-payload",
  "internal-error",
] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

/** An answer and who gave it. */
export interface Reply {
  readonly answer: Answer;
  readonly source: AnswerSource;
}

export type Respond = (reply: Reply) => void;
/** Answers a valid payload through `respond`, exactly once; never throws. */
export type RouteAnswer = (payload: unknown, call: CallInfo, respond: Respond) => void;

/** One webhook of a receiver; `createWebhookHandler` prepares it with its failure reporter. */
export interface WebhookRoute {
  readonly meta: WebhookMeta;
  readonly prepare: (report: Report) => RouteAnswer;
}

const RECEIVER_FAILED: Reply = { answer: INTERNAL_ERROR, source: "internal-error" };

/** `make()`'s reply, or 500 if the receiver itself fails: answers are given from callbacks, where a throw would go unhandled. */
export function replySafely(report: Report, operationId: string, make: () => Reply): Reply {
  try {
    return make();
  } catch (cause) {
    report(failures.internalError(operationId, cause));
    return RECEIVER_FAILED;
  }
}

/** A webhook the receiver answers by itself once the payload is valid, such as a warm-up call. */
export function automaticRoute(meta: WebhookMeta): WebhookRoute {
  const reply: Reply = { answer: emptyAnswer(meta.successStatus), source: "warm-up" };
  return { meta, prepare: () => (_payload, _call, respond) => respond(reply) };
}

/** The report of one traced call: each failure is also noted on its span. */
export const tracedReport =
  (report: Report, trace: WebhookCallTrace): Report =>
  (error) => {
    trace.failed(error.reason);
    report(error);
  };

/** Reports a throw of user code that settled after the deadline, when the receiver had answered without it. */
export function reportLateThrow(report: Report, operationId: string, outcome: Outcome<unknown>): void {
  if (outcome.kind === "threw") report(failures.handlerThrewLate(operationId, outcome.error));
}

/** Runs the user's code on one request; `done` gets its outcome or the deadline, `late` what settles after. */
export type RunHandler<Request, Result> = (
  request: Request,
  call: CallInfo,
  done: (outcome: Outcome<Result>) => void,
  late: (outcome: Outcome<Result>) => void,
) => void;

/** The user's `handle` against a route's deadline; the pending calls of the route share one timer. */
export function handlerRunner<Request, Result, Params>(
  operationId: string,
  handle: (request: Request, context: WebhookContext<Params>) => Result | PromiseLike<Result>,
  deadlineMs: number,
): RunHandler<Request, Result> {
  const queue = new DeadlineQueue();
  return (request, call, done, late) => {
    const context = new CallContext(operationId, call.params as Params);
    const at = call.receivedAt + deadlineMs;
    const { trace } = call;
    if (!trace) {
      settleWithin(attempt(undefined, handle, request, context), at, queue, context, done, late);
      return;
    }
    const settled = (outcome: Outcome<Result>) => {
      if (outcome.kind === "deadline") trace.deadlineMissed();
      done(outcome);
    };
    const traced = attempt(trace, trace.run, () => handle(request, context), undefined);
    settleWithin(traced, at, queue, context, settled, late);
  };
}
