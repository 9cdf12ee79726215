// A webhook your code processes and the receiver acknowledges, such as a notification. A failure of
// your code is not acknowledged, so that Enfuce delivers the call again. With a deduplication store
// each delivery id is claimed first (claimDelivery), processed by the one call that holds the claim
// (processDelivery), then marked handled or released (settleClaim); a redelivery of a handled id is
// acknowledged without your code, one still being processed gets 503. Each step is a function of
// its own.
import { randomUUID } from "node:crypto";
import { emptyAnswer, IN_PROGRESS, NOT_PROCESSED, STORE_UNAVAILABLE, validAnswer } from "./answers";
import { attempt, DeadlineQueue, isThenable, type Outcome, settleWithin } from "./deadline";
import type { ClaimResult, DeduplicationStore } from "./deduplication";
import { type DeliveryIdReader, deliveryIdReader } from "./delivery-id";
import { failures, NOT_ACKNOWLEDGED } from "./failure";
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
import {
  type DeduplicationOptions,
  leaseOf,
  storeTimeoutOf,
  type WhenStoreFails,
  whenStoreFailsOf,
} from "./store-options";
import type { CompiledValidator, WebhookContext, WebhookMeta } from "./types";

export interface AcknowledgementOptions<Request, Result, Params> {
  readonly handle: (request: Request, context: WebhookContext<Params>) => Result | PromiseLike<Result>;
  /** Time for `handle`, counted from the arrival of the request. Default: `DEFAULT_DEADLINE_SHARE` of the documented limit. */
  readonly deadlineMs?: number | undefined;
  /** Handles each delivery id once (the id named by `x-enfuce-id-field` or `x-enfuce-id-parameter`). */
  readonly deduplication?: DeduplicationOptions | undefined;
  /** The body acknowledging `request` when `handle` returns none (or an invalid one). */
  readonly acknowledgement?: (request: Request) => unknown;
}

/** The store of a route with its settings, all checked. */
export interface Deduplication {
  readonly store: DeduplicationStore;
  readonly leaseMs: number;
  readonly storeTimeoutMs: number;
  readonly whenStoreFails: WhenStoreFails;
  /** Store calls of the route share one timer, like handler calls. */
  readonly queue: DeadlineQueue;
}

/** What the steps of one prepared acknowledgement route share. */
export interface Acknowledger<Request> {
  readonly operationId: string;
  readonly successStatus: number;
  /** Null where the documented answer has no body. */
  readonly validate: CompiledValidator | null;
  readonly deadlineMs: number;
  readonly acknowledgement: ((request: Request) => unknown) | undefined;
  readonly report: Report;
}

/** The claim a call holds on a delivery id. */
export interface HeldClaim {
  readonly id: string;
  readonly owner: string;
}

/** What `claimDelivery` found; `unavailable` when the store failed or did not answer in time. */
export type ClaimFound = ClaimResult | "unavailable";

/** The default acknowledgement, frozen so that it is checked and written once (validAnswer). */
const EMPTY_OBJECT = Object.freeze({});

const WHAT_503_MEANS = "answered 503, so that Enfuce delivers the call again";
const WHAT_PROCESS_ANYWAY_MEANS = "processed it without deduplication";

/** The acknowledgement: what the handler returned if valid, else the default body, else no body. */
export function acknowledgementOf<Request>(ack: Acknowledger<Request>, request: Request, result: unknown): Reply {
  return { answer: acknowledgementBody(ack, request, result), source: "handler" };
}

function acknowledgementBody<Request>(ack: Acknowledger<Request>, request: Request, result: unknown) {
  const { validate, successStatus } = ack;
  if (!validate) return emptyAnswer(successStatus);
  if (result !== undefined) {
    const answer = validAnswer(validate, successStatus, result);
    if (!Array.isArray(answer)) return answer;
    ack.report(failures.invalidAnswer(ack.operationId, answer, "acknowledged with the default body"));
  }
  const body = ack.acknowledgement ? ack.acknowledgement(request) : EMPTY_OBJECT;
  const answer = validAnswer(validate, successStatus, body);
  return Array.isArray(answer) ? emptyAnswer(successStatus) : answer;
}

/** The reply once the handler settled, or once the deadline passed first. */
export function acknowledgementAnswer<Request>(
  ack: Acknowledger<Request>,
  request: Request,
  outcome: Outcome<unknown>,
): Reply {
  switch (outcome.kind) {
    case "answered":
      return acknowledgementOf(ack, request, outcome.value);
    case "threw":
      ack.report(failures.handlerThrew(ack.operationId, outcome.error, NOT_ACKNOWLEDGED));
      return { answer: NOT_PROCESSED, source: "not-processed" };
    case "deadline":
      ack.report(failures.deadlineMissed(ack.operationId, ack.deadlineMs, NOT_ACKNOWLEDGED));
      return { answer: NOT_PROCESSED, source: "not-processed" };
  }
}

/** A claim's answer as a ClaimResult; a store of the earlier contract answers true or false. */
export function claimResultOf(value: unknown): ClaimResult | undefined {
  if (value === true) return "claimed";
  if (value === false) return "handled";
  return value === "claimed" || value === "in-progress" || value === "handled" ? value : undefined;
}

/** Runs a store call nobody waits for (complete, release) with `id` and `owner`; a failure is reported, never thrown. */
function storeEffect<Request>(
  ack: Acknowledger<Request>,
  store: DeduplicationStore,
  call: (this: DeduplicationStore, id: string, owner: string) => void | PromiseLike<void>,
  claim: HeldClaim,
  then: string,
): void {
  const done = attempt(store, call, claim.id, claim.owner);
  const failed = (cause: unknown) => ack.report(failures.storeFailed(ack.operationId, cause, then));
  if (isThenable(done)) done.then(undefined, failed);
  else if (done.kind === "threw") failed(done.error);
}

/** After the handler: a success marks the id handled, a failure frees it; a missed deadline keeps the lease while the code may still finish. */
export function settleClaim<Request>(
  ack: Acknowledger<Request>,
  dedup: Deduplication,
  claim: HeldClaim,
  outcome: Outcome<unknown>,
): void {
  const { store } = dedup;
  if (outcome.kind === "answered" && store.complete) {
    storeEffect(
      ack,
      store,
      store.complete,
      claim,
      "the id was not marked handled; a redelivery after the lease is processed again",
    );
  } else if (outcome.kind === "threw") {
    storeEffect(ack, store, store.release, claim, "the id stays claimed until its lease runs out");
  }
}

/**
 * Claims `id` for this call within `storeTimeoutMs` of its arrival and tells `then` what it found.
 * A claim that lands after the receiver gave up on it is released again, unless the call went on
 * and processed anyway (then `settleClaim` settles it).
 */
export function claimDelivery<Request>(
  ack: Acknowledger<Request>,
  dedup: Deduplication,
  claim: HeldClaim,
  receivedAt: number,
  then: (found: ClaimFound) => void,
): void {
  const { store, storeTimeoutMs, whenStoreFails } = dedup;
  const claimed = attempt(store, store.claim, claim.id, { leaseMs: dedup.leaseMs, owner: claim.owner });
  // A store that answers at once (the in-memory one) needs no deadline entry and no callbacks.
  if (!isThenable(claimed)) {
    onClaimed(ack, dedup, claimed, then);
    return;
  }
  settleWithin(
    claimed,
    receivedAt + storeTimeoutMs,
    dedup.queue,
    undefined,
    (outcome) => onClaimed(ack, dedup, outcome, then),
    (late) => {
      if (whenStoreFails === "answer-503" && late.kind === "answered" && claimResultOf(late.value) === "claimed") {
        storeEffect(ack, store, store.release, claim, "the id stays claimed until its lease runs out");
      }
    },
  );
}

/** Tells `then` what a claim found, or "unavailable" (reported) when the store failed or answered nonsense. */
function onClaimed<Request>(
  ack: Acknowledger<Request>,
  dedup: Deduplication,
  outcome: Outcome<unknown>,
  then: (found: ClaimFound) => void,
): void {
  if (outcome.kind === "answered") {
    const found = claimResultOf(outcome.value);
    if (found) {
      then(found);
      return;
    }
  }
  const meaning = dedup.whenStoreFails === "answer-503" ? WHAT_503_MEANS : WHAT_PROCESS_ANYWAY_MEANS;
  ack.report(failures.storeMissed(ack.operationId, "claim", outcome, dedup.storeTimeoutMs, meaning));
  then("unavailable");
}

/** The reply to a delivery that was not processed because of what the claim found. */
export function unprocessedReply<Request>(ack: Acknowledger<Request>, request: Request, found: ClaimFound): Reply {
  switch (found) {
    case "handled":
      return { answer: acknowledgementBody(ack, request, undefined), source: "duplicate" };
    case "in-progress":
      return { answer: IN_PROGRESS, source: "in-progress" };
    default:
      return { answer: STORE_UNAVAILABLE, source: "store-unavailable" };
  }
}

export function acknowledgementRoute<Request, Result, Params = Readonly<Record<string, string>>>(
  meta: WebhookMeta,
  options: AcknowledgementOptions<Request, Result, Params>,
): WebhookRoute {
  checkHandler(meta, options.handle);
  const deadlineMs = deadlineOf(meta, options.deadlineMs);
  const { handle, acknowledgement } = options;
  const { operationId, successStatus } = meta;
  const dedup = deduplicationOf(meta, options.deduplication, deadlineMs);
  const idOf: DeliveryIdReader | undefined = dedup ? deliveryIdReader(meta) : undefined;
  const validate = meta.validateResponse;

  return {
    meta,
    prepare(report) {
      const ack: Acknowledger<Request> = { operationId, successStatus, validate, deadlineMs, acknowledgement, report };
      const runHandler = handlerRunner(operationId, handle, deadlineMs);
      // Owners are unique per call and per process, so one instance never releases another's claim.
      const ownerPrefix = randomUUID();
      let calls = 0;

      /**
       * Runs your code on a delivery this call may process; with a claim, settles it afterwards.
       * `own` is the acknowledger of this call (its report traced); what settles later is not.
       */
      const processDelivery = (
        own: Acknowledger<Request>,
        request: Request,
        claim: HeldClaim | undefined,
        call: CallInfo,
        respond: Respond,
      ) => {
        runHandler(
          request,
          call,
          (outcome) => {
            respond(replySafely(own.report, operationId, () => acknowledgementAnswer(own, request, outcome)));
            if (claim && dedup) settleClaim(ack, dedup, claim, outcome);
          },
          (outcome) => {
            if (claim && dedup) settleClaim(ack, dedup, claim, outcome);
            reportLateThrow(report, operationId, outcome);
          },
        );
      };

      return (payload, call, respond) => {
        const request = payload as Request;
        const { trace } = call;
        const own = trace ? { ...ack, report: tracedReport(report, trace) } : ack;
        const id = idOf?.(payload, call.params);
        if (id === undefined || !dedup) {
          processDelivery(own, request, undefined, call, respond);
          return;
        }
        const claim: HeldClaim = { id, owner: `${ownerPrefix}:${++calls}` };
        claimDelivery(own, dedup, claim, call.receivedAt, (found) => {
          if (found === "claimed" || (found === "unavailable" && dedup.whenStoreFails === "process-anyway")) {
            processDelivery(own, request, claim, call, respond);
          } else {
            respond(replySafely(own.report, operationId, () => unprocessedReply(own, request, found)));
          }
        });
      };
    },
  };
}

function deduplicationOf(
  meta: WebhookMeta,
  options: DeduplicationOptions | undefined,
  deadlineMs: number,
): Deduplication | undefined {
  if (!options) return undefined;
  const { operationId } = meta;
  return {
    store: options.store,
    leaseMs: leaseOf(operationId, options.leaseMs, deadlineMs),
    storeTimeoutMs: storeTimeoutOf(operationId, options.storeTimeoutMs, deadlineMs),
    whenStoreFails: whenStoreFailsOf(operationId, options.whenStoreFails),
    queue: new DeadlineQueue(),
  };
}
