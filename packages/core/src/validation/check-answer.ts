// The validation step of a call: its final 2xx answer, parsed, against the spec. A body the caller
// asked for raw (`parseAs`) is not checked. A ResponseValidationError ("error" mode) is never
// silent: with throwOnError the call rejects with it, by default it is the result's `error`.
import type { Answer } from "../call/answer";
import { contextOf } from "../call/failure";
import type { CallPlan } from "../call/plan";
import { failedResult } from "../call/result";
import { ResponseValidationError } from "../errors";
import type { CallSpan } from "../tracing/client-spans";
import type { ResponseChecker } from "./response-checker";

/** The call's result once its 2xx answer is checked: `result` itself, or the failed result of a mismatch. */
export async function checkAnswer(
  checker: ResponseChecker,
  plan: CallPlan,
  answer: Answer,
  result: unknown,
  attempt: number,
  requestId: string | undefined,
  span: CallSpan | undefined,
): Promise<unknown> {
  if (plan.parseAs !== undefined) return result;
  const body = plan.throws ? result : (result as { readonly data: unknown }).data;
  try {
    await checker.check(plan, answer.status, body, contextOf(plan, attempt, requestId));
  } catch (error) {
    if (plan.throws || !(error instanceof ResponseValidationError)) throw error;
    span?.fail(error);
    return failedResult(error, answer, attempt, requestId);
  }
  return result;
}
