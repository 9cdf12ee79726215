// A webhook your code processes and the receiver acknowledges, such as a notification. A failure of
// your code is not acknowledged, so that Enfuce delivers the call again; with a store, a redelivery
// of an id already handled is acknowledged without calling your code. Each step below is a
// function of its own.
import { ConfigurationError } from "../errors";
import { type Answer, emptyAnswer, NOT_PROCESSED, validAnswer } from "./answers";
import { isThenable, type Outcome } from "./deadline";
import type { DeduplicationStore } from "./deduplication";
import { failures, NOT_ACKNOWLEDGED } from "./failure";
import {
  answerSafely,
  type CallInfo,
  handlerRunner,
  type Report,
  reportLateThrow,
  tracedReport,
  type WebhookRoute,
} from "./route";
import { checkHandler, deadlineOf } from "./route-options";
import type { CompiledValidator, WebhookContext, WebhookMeta } from "./types";

export interface AcknowledgementOptions<Request, Result, Params> {
  readonly handle: (request: Request, context: WebhookContext<Params>) => Result | PromiseLike<Result>;
  /** Time for `handle`, counted from the arrival of the request. Default: `DEFAULT_DEADLINE_SHARE` of the documented limit. */
  readonly deadlineMs?: number | undefined;
  /** Drops redeliveries of an id already handled (the payload member named by `x-enfuce-id-field`). */
  readonly store?: DeduplicationStore | undefined;
  /** The body acknowledging `request` when `handle` returns none (or an invalid one). */
  readonly acknowledgement?: (request: Request) => unknown;
}

/** What the steps of one prepared acknowledgement route share. */
export interface Acknowledger<Request> {
  readonly operationId: string;
  readonly successStatus: number;
  /** Null where the documented answer has no body. */
  readonly validate: CompiledValidator | null;
  readonly deadlineMs: number;
  readonly store: DeduplicationStore | undefined;
  readonly acknowledgement: ((request: Request) => unknown) | undefined;
  readonly report: Report;
}

/** Reads the delivery id of a payload: the member named by `x-enfuce-id-field`, as text. */
export function deliveryIdReader(meta: WebhookMeta): (payload: unknown) => string | undefined {
  const { idField } = meta;
  if (idField === null) {
    throw new ConfigurationError(`${meta.operationId} documents no id (x-enfuce-id-field) to deduplicate by`);
  }
  return (payload) => {
    if (typeof payload !== "object" || payload === null) return undefined;
    const id = (payload as Record<string, unknown>)[idField];
    return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
  };
}

/** The acknowledgement: what the handler returned if valid, else the default body, else no body. */
export function acknowledgementOf<Request>(ack: Acknowledger<Request>, request: Request, result: unknown): Answer {
  const { validate, successStatus } = ack;
  if (!validate) return emptyAnswer(successStatus);
  if (result !== undefined) {
    const answer = validAnswer(validate, successStatus, result);
    if (!Array.isArray(answer)) return answer;
    ack.report(failures.invalidAnswer(ack.operationId, answer, "acknowledged with the default body"));
  }
  const answer = validAnswer(validate, successStatus, ack.acknowledgement ? ack.acknowledgement(request) : {});
  return Array.isArray(answer) ? emptyAnswer(successStatus) : answer;
}

/** Frees `id` after the handler failed on it, so that the redelivery is handled again. */
export function releaseId<Request>(ack: Acknowledger<Request>, id: string | undefined): void {
  const { store } = ack;
  if (id === undefined || !store) return;
  const failed = (cause: unknown) => ack.report(failures.storeFailed(ack.operationId, cause, "the id stays taken"));
  try {
    const released = store.release(id);
    if (isThenable(released)) released.then(undefined, failed);
  } catch (cause) {
    failed(cause);
  }
}

/** The answer once the handler settled, or once the deadline passed first. */
export function acknowledgementAnswer<Request>(
  ack: Acknowledger<Request>,
  request: Request,
  id: string | undefined,
  outcome: Outcome<unknown>,
): Answer {
  switch (outcome.kind) {
    case "answered":
      return acknowledgementOf(ack, request, outcome.value);
    case "threw":
      releaseId(ack, id);
      ack.report(failures.handlerThrew(ack.operationId, outcome.error, NOT_ACKNOWLEDGED));
      return NOT_PROCESSED;
    case "deadline":
      // The id stays taken while the handler may still finish; a late failure frees it.
      ack.report(failures.deadlineMissed(ack.operationId, ack.deadlineMs, NOT_ACKNOWLEDGED));
      return NOT_PROCESSED;
  }
}

/** Asks the store for `id`: `then(true)` when this call took it, `then(false)` when it was taken before. */
export function claimId<Request>(
  ack: Acknowledger<Request>,
  store: DeduplicationStore,
  id: string,
  then: (claimed: boolean) => void,
  respond: (answer: Answer) => void,
): void {
  const failed = (cause: unknown) => {
    ack.report(failures.storeFailed(ack.operationId, cause, NOT_ACKNOWLEDGED));
    respond(NOT_PROCESSED);
  };
  let claimed: boolean | PromiseLike<boolean>;
  try {
    claimed = store.claim(id);
  } catch (cause) {
    failed(cause);
    return;
  }
  if (isThenable(claimed)) Promise.resolve(claimed).then(then, failed);
  else then(claimed);
}

export function acknowledgementRoute<Request, Result, Params = Readonly<Record<string, string>>>(
  meta: WebhookMeta,
  options: AcknowledgementOptions<Request, Result, Params>,
): WebhookRoute {
  checkHandler(meta, options.handle);
  const deadlineMs = deadlineOf(meta, options.deadlineMs);
  const { handle, store, acknowledgement } = options;
  const idOf = store ? deliveryIdReader(meta) : undefined;
  const { operationId, successStatus } = meta;
  const validate = meta.validateResponse;

  return {
    meta,
    prepare(report) {
      const ack: Acknowledger<Request> = {
        operationId,
        successStatus,
        validate,
        deadlineMs,
        store,
        acknowledgement,
        report,
      };
      const runHandler = handlerRunner(operationId, handle, deadlineMs);
      const run = (
        own: Acknowledger<Request>,
        request: Request,
        id: string | undefined,
        call: CallInfo,
        respond: (answer: Answer) => void,
      ) => {
        call.trace?.answeredBy("handler");
        runHandler(
          request,
          call,
          (outcome) =>
            respond(answerSafely(own.report, operationId, () => acknowledgementAnswer(own, request, id, outcome))),
          (outcome) => {
            if (outcome.kind === "threw") releaseId(ack, id);
            reportLateThrow(report, operationId, outcome);
          },
        );
      };

      return (payload, call, respond) => {
        const request = payload as Request;
        const { trace } = call;
        const own = trace ? { ...ack, report: tracedReport(report, trace) } : ack;
        const id = idOf?.(payload);
        if (id === undefined || !store) {
          run(own, request, undefined, call, respond);
          return;
        }
        claimId(
          own,
          store,
          id,
          (claimed) => {
            if (claimed) {
              run(own, request, id, call, respond);
              return;
            }
            trace?.answeredBy("duplicate");
            respond(answerSafely(own.report, operationId, () => acknowledgementOf(own, request, undefined)));
          },
          respond,
        );
      };
    },
  };
}
