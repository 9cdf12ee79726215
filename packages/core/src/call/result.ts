// The parsing step: what a call resolves to once an answer is final. A 2xx gives its data (parsed
// by the shared JSON rule unless the caller chose `parseAs`); any other status gives a truthy
// `error` (see error-body.ts), or with throwOnError rejects with the status's error class.
import { errorForStatus, ResponseParseError } from "../errors";
import { NOT_JSON, parseJson, readsAsJson } from "../json";
import { type Answer, isSuccess } from "./answer";
import { errorBodyOf } from "./error-body";
import { contextOf } from "./failure";
import type { CallPlan } from "./plan";

const REQUEST_ID_HEADERS = ["x-request-id", "x-correlation-id", "request-id"];

/** The id Enfuce (or a gateway) gave the request, bounded so a hostile header cannot flood logs. */
export function requestIdOf(answer: Pick<Answer, "header">): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = answer.header(name);
    if (value) return value.slice(0, 200);
  }
  return undefined;
}

/** A 2xx body read as text: empty is undefined, JSON (declared or undeclared) is parsed, other types stay text. */
export function parseSuccess(text: unknown, plan: CallPlan, attempt: number, answer: Answer, requestId?: string) {
  if (typeof text !== "string" || text === "") return undefined;
  if (!readsAsJson(answer.header("content-type"))) return text;
  const data = parseJson(text);
  if (data === NOT_JSON) throw new ResponseParseError(answer.status, contextOf(plan, attempt, requestId));
  return data;
}

/** What the call resolves to for its final answer, or the error it rejects with. */
export function resultOf(
  plan: CallPlan,
  answer: Answer,
  attempt: number,
  requestId: string | undefined,
  redact: (text: string) => string,
): unknown {
  if (isSuccess(answer.status)) {
    const data = plan.parseAs === undefined ? parseSuccess(answer.data, plan, attempt, answer, requestId) : answer.data;
    if (plan.throws) return data;
    // A getter: a call sent without a Request builds its Response only if it is read.
    return {
      data,
      get response() {
        return answer.response;
      },
      attempts: attempt,
      requestId,
    };
  }
  const error = errorBodyOf(answer.error, answer, redact);
  if (plan.throws) throw errorForStatus(answer.status, error, contextOf(plan, attempt, requestId));
  return failedResult(error, answer, attempt, requestId);
}

/** The default result of a failed call: a truthy `error` beside the answer, never `data`. */
export function failedResult(error: object, answer: Answer, attempt: number, requestId: string | undefined): object {
  return {
    error,
    get response() {
      return answer.response;
    },
    attempts: attempt,
    requestId,
  };
}
