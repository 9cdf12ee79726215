// A webhook your code answers, such as an authorisation. The decision is checked against the
// response schema before it is sent; when your code throws, answers something invalid or misses
// the deadline, the fallback answers instead. With a decision store, a redelivered id gets the
// decision retained for it without your code (retained-decisions.ts). Each step below is a
// function of its own.
import { ConfigurationError } from "../errors";
import { INTERNAL_ERROR, validAnswer } from "./answers";
import type { Outcome } from "./deadline";
import { deliveryIdReader } from "./delivery-id";
import { FALLBACK_SENT, failures, type WebhookError } from "./failure";
import { problemsOf } from "./problems";
import { type RetainedDecisions, recallDecision, retainDecision, retainedDecisionsOf } from "./retained-decisions";
import {
  type CallInfo,
  handlerRunner,
  type Reply,
  type Report,
  type Respond,
  replySafely,
  reportLateThrow,
  tracedReport,
  type WebhookRoute,
} from "./route";
import { checkHandler, deadlineOf } from "./route-options";
import type { DecisionStoreOptions } from "./store-options";
import type { CompiledValidator, WebhookContext, WebhookMeta } from "./types";

export interface DecisionOptions<Request, Decision, Params> {
  readonly handle: (request: Request, context: WebhookContext<Params>) => Decision | PromiseLike<Decision>;
  /** Sent when `handle` throws, answers something invalid or misses the deadline. */
  readonly fallback: Decision | ((request: Request, failure: WebhookError) => Decision);
  /** Time for `handle`, counted from the arrival of the request. Default: `DEFAULT_DEADLINE_SHARE` of the documented limit. */
  readonly deadlineMs?: number | undefined;
  /** Retains each decision by the call's id, so that a redelivery gets the same one without `handle`. */
  readonly decisions?: DecisionStoreOptions | undefined;
}

const FALLBACK_FAILED: Reply = { answer: INTERNAL_ERROR, source: "internal-error" };

/** What the steps of one prepared decision route share. */
export interface Decider<Request, Decision> {
  readonly operationId: string;
  readonly successStatus: number;
  readonly validate: CompiledValidator;
  readonly deadlineMs: number;
  readonly fallback: DecisionOptions<Request, Decision, unknown>["fallback"];
  readonly report: Report;
}

/** The validator a decision is checked with; a webhook whose answer has no body takes no decision. */
export function decisionValidatorOf(meta: WebhookMeta): CompiledValidator {
  if (!meta.validateResponse)
    throw new ConfigurationError(`${meta.operationId} documents no answer body to decide with`);
  return meta.validateResponse;
}

/** A fixed fallback is checked at start: one that breaks the schema could never be sent. */
export function checkFallback(meta: WebhookMeta, validate: CompiledValidator, fallback: unknown): void {
  if (typeof fallback === "function" || validate(fallback)) return;
  const problems = problemsOf(validate, [], fallback).map((p) => `${p.field || "(body)"} ${p.message}`);
  throw new ConfigurationError(
    `the fallback of ${meta.operationId} does not match its response schema: ${problems.join("; ")}`,
  );
}

/** Reports `failure`, then replies with the fallback's decision on `request`, or 500 if the fallback fails too. */
export function fallbackAnswer<Request, Decision>(
  decider: Decider<Request, Decision>,
  request: Request,
  failure: WebhookError,
): Reply {
  const { fallback, operationId, report } = decider;
  report(failure);
  let decision: unknown;
  try {
    decision =
      typeof fallback === "function"
        ? (fallback as (request: Request, failure: WebhookError) => Decision)(request, failure)
        : fallback;
  } catch (cause) {
    report(failures.fallbackThrew(operationId, cause));
    return FALLBACK_FAILED;
  }
  const answer = validAnswer(decider.validate, decider.successStatus, decision);
  if (!Array.isArray(answer)) return { answer, source: "fallback" };
  report(failures.fallbackInvalid(operationId, answer));
  return FALLBACK_FAILED;
}

/** The reply to `request` once the handler settled, or once the deadline passed first. */
export function decisionAnswer<Request, Decision>(
  decider: Decider<Request, Decision>,
  request: Request,
  outcome: Outcome<Decision>,
): Reply {
  const { operationId } = decider;
  switch (outcome.kind) {
    case "answered": {
      const answer = validAnswer(decider.validate, decider.successStatus, outcome.value);
      if (!Array.isArray(answer)) return { answer, source: "handler" };
      return fallbackAnswer(decider, request, failures.invalidAnswer(operationId, answer, FALLBACK_SENT));
    }
    case "threw":
      return fallbackAnswer(decider, request, failures.handlerThrew(operationId, outcome.error, FALLBACK_SENT));
    case "deadline":
      return fallbackAnswer(decider, request, failures.deadlineMissed(operationId, decider.deadlineMs, FALLBACK_SENT));
  }
}

export function decisionRoute<Request, Decision, Params = Readonly<Record<string, string>>>(
  meta: WebhookMeta,
  options: DecisionOptions<Request, Decision, Params>,
): WebhookRoute {
  const validate = decisionValidatorOf(meta);
  checkHandler(meta, options.handle);
  const deadlineMs = deadlineOf(meta, options.deadlineMs);
  checkFallback(meta, validate, options.fallback);
  const { handle, fallback } = options;
  const { operationId, successStatus } = meta;
  const retained = retainedDecisionsOf(meta, options.decisions, deadlineMs);
  const idOf = retained ? deliveryIdReader(meta) : undefined;

  return {
    meta,
    prepare(report) {
      const decider: Decider<Request, Decision> = {
        operationId,
        successStatus,
        validate,
        deadlineMs,
        fallback,
        report,
      };
      const late = (outcome: Outcome<Decision>) => reportLateThrow(report, operationId, outcome);
      const runHandler = handlerRunner(operationId, handle, deadlineMs);
      /** Your code's decision, or the fallback's; `own` is the decider of this call (its report traced). */
      const decide = (own: Decider<Request, Decision>, request: Request, call: CallInfo, then: Respond) =>
        runHandler(
          request,
          call,
          (outcome) => then(replySafely(own.report, operationId, () => decisionAnswer(own, request, outcome))),
          late,
        );

      return (payload, call, respond) => {
        const request = payload as Request;
        const { trace } = call;
        const own = trace ? { ...decider, report: tracedReport(report, trace) } : decider;
        const id = idOf?.(payload, call.params);
        if (id === undefined || !retained) {
          decide(own, request, call, respond);
          return;
        }
        const steps: RetainedDecisions = retained;
        recallDecision(own, steps, id, call.receivedAt, (stored) => {
          if (stored) respond(stored);
          else decide(own, request, call, (reply) => retainDecision(own, steps, id, reply, call.receivedAt, respond));
        });
      };
    },
  };
}
