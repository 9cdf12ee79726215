// The decision store's two steps in a decision route: before your code is asked, recall the
// decision retained for a redelivered id; after it answered, retain that decision and answer the
// one retained first, so that two instances deciding the same id at once answer alike. A store call
// never holds the answer past its time: when the store fails or is slow, the receiver decides and
// answers without it, reports it and counts it. A store that answers at once (the in-memory one)
// is taken at its word at once: no deadline entry and no callbacks, which cost a receiver about
// 700 bytes of garbage a call.
import type { Answer } from "./answers";
import { attempt, DeadlineQueue, isThenable, type Outcome, settleWithin } from "./deadline";
import type { DecisionStore } from "./decisions";
import { failures } from "./failure";
import type { Reply, Report, Respond } from "./route";
import { type DecisionStoreOptions, storeTimeoutOf } from "./store-options";
import type { WebhookMeta } from "./types";

/** The decision store of a route with its settings, all checked. */
export interface RetainedDecisions {
  readonly store: DecisionStore;
  readonly storeTimeoutMs: number;
  /** Store calls of the route share one timer, like handler calls. */
  readonly queue: DeadlineQueue;
}

/** What these steps need to know about their route. */
export interface DecisionRouteFacts {
  readonly operationId: string;
  readonly successStatus: number;
  readonly deadlineMs: number;
  readonly report: Report;
}

/** A recall that answers after the call was decided without it changes nothing. */
const IGNORE_LATE = () => {};
const DECIDED_WITHOUT_STORE = "decided without the decision store";
const NOT_RETAINED = "answered the decision without retaining it";

export function retainedDecisionsOf(
  meta: WebhookMeta,
  options: DecisionStoreOptions | undefined,
  deadlineMs: number,
): RetainedDecisions | undefined {
  if (!options) return undefined;
  return {
    store: options.store,
    storeTimeoutMs: storeTimeoutOf(meta.operationId, options.storeTimeoutMs, deadlineMs),
    queue: new DeadlineQueue(),
  };
}

const storedReply = (route: DecisionRouteFacts, body: string): Reply => {
  const answer: Answer = { status: route.successStatus, body };
  return { answer, source: "stored-decision" };
};

/** Gives `then` what a recall found: a retained decision, or undefined for none or a failed store (reported). */
function onRecalled(
  route: DecisionRouteFacts,
  decisions: RetainedDecisions,
  outcome: Outcome<unknown>,
  then: (stored: Reply | undefined) => void,
): void {
  if (outcome.kind === "answered") {
    const { value } = outcome;
    if (typeof value === "string") {
      then(storedReply(route, value));
      return;
    }
    if (value === undefined || value === null) {
      then(undefined);
      return;
    }
  }
  route.report(
    failures.storeMissed(route.operationId, "recall", outcome, decisions.storeTimeoutMs, DECIDED_WITHOUT_STORE),
  );
  then(undefined);
}

/** Tells `then` the decision retained for `id`, or undefined when there is none or the store did not answer in time. */
export function recallDecision(
  route: DecisionRouteFacts,
  decisions: RetainedDecisions,
  id: string,
  receivedAt: number,
  then: (stored: Reply | undefined) => void,
): void {
  const { store } = decisions;
  const recalled = attempt(store, store.recall, id, undefined);
  if (!isThenable(recalled)) {
    onRecalled(route, decisions, recalled, then);
    return;
  }
  settleWithin(
    recalled,
    receivedAt + decisions.storeTimeoutMs,
    decisions.queue,
    undefined,
    (outcome) => onRecalled(route, decisions, outcome, then),
    IGNORE_LATE,
  );
}

/** Answers the decision retained for the call: `reply` if it was its own, else the one retained first. */
function onRetained(
  route: DecisionRouteFacts,
  timeoutMs: number,
  reply: Reply,
  outcome: Outcome<unknown>,
  respond: Respond,
): void {
  if (outcome.kind === "answered" && typeof outcome.value === "string") {
    respond(outcome.value === reply.answer.body ? reply : storedReply(route, outcome.value));
    return;
  }
  route.report(failures.storeMissed(route.operationId, "retain", outcome, timeoutMs, NOT_RETAINED));
  respond(reply);
}

/**
 * Retains the decision of `reply` for `id`, then answers the one retained (another instance's if
 * it retained one first). Waits no longer than `storeTimeoutMs` and never past the deadline; a
 * 500 is no decision and is not retained.
 */
export function retainDecision(
  route: DecisionRouteFacts,
  decisions: RetainedDecisions,
  id: string,
  reply: Reply,
  receivedAt: number,
  respond: Respond,
): void {
  const { answer } = reply;
  if (answer.status !== route.successStatus) {
    respond(reply);
    return;
  }
  const { store } = decisions;
  const retained = attempt(store, store.retain, id, answer.body);
  const timeoutMs = decisions.storeTimeoutMs;
  if (!isThenable(retained)) {
    onRetained(route, timeoutMs, reply, retained, respond);
    return;
  }
  settleWithin(
    retained,
    Math.min(performance.now() + timeoutMs, receivedAt + route.deadlineMs),
    decisions.queue,
    undefined,
    (outcome) => onRetained(route, timeoutMs, reply, outcome, respond),
    (late) => {
      if (late.kind === "threw")
        route.report(failures.storeFailed(route.operationId, late.error, "the decision was not retained"));
    },
  );
}
