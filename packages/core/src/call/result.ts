// The parsing step: what a call resolves to once an answer is final. A 2xx gives its data (parsed
// by the shared JSON rule unless the caller chose `parseAs`); any other status gives a truthy
// `error` (see error-body.ts), or with throwOnError rejects with the status's error class.
import { errorForStatus, ResponseParseError } from "../errors";
import { NOT_JSON, parseJson, readsAsJson } from "../json";
import type { Answer } from "./attempt";
import { errorBodyOf } from "./error-body";
import { contextOf } from "./failure";
import type { CallPlan } from "./plan";

const REQUEST_ID_HEADERS = ["x-request-id", "x-correlation-id", "request-id"];

/** The id Enfuce (or a gateway) gave the request, bounded so a hostile header cannot flood logs. */
export function requestIdOf(response: Response): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value) return value.slice(0, 200);
  }
  return undefined;
}

/** A 2xx body read as text: empty is undefined, JSON (declared or undeclared) is parsed, other types stay text. */
export function parseSuccess(text: unknown, plan: CallPlan, attempt: number, response: Response, requestId?: string) {
  if (typeof text !== "string" || text === "") return undefined;
  if (!readsAsJson(response.headers.get("content-type"))) return text;
  const data = parseJson(text);
  if (data === NOT_JSON) throw new ResponseParseError(response.status, contextOf(plan, attempt, requestId));
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
  const { response } = answer;
  if (response.ok) {
    const data =
      plan.parseAs === undefined ? parseSuccess(answer.data, plan, attempt, response, requestId) : answer.data;
    return plan.throws ? data : { data, response, attempts: attempt, requestId };
  }
  const error = errorBodyOf(answer.error, response, redact);
  if (plan.throws) throw errorForStatus(response.status, error, contextOf(plan, attempt, requestId));
  return { error, response, attempts: attempt, requestId };
}
