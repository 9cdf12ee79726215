// The validation step of a call: its final 2xx answer, parsed, against the spec. A body the caller
// asked for raw (`parseAs`) is not checked.

import { contextOf } from "../call/failure";
import type { CallPlan } from "../call/plan";
import type { ResponseChecker } from "./response-checker";

export function checkAnswer(
  checker: ResponseChecker,
  plan: CallPlan,
  status: number,
  result: unknown,
  attempt: number,
  requestId: string | undefined,
): void | Promise<void> {
  if (plan.parseAs !== undefined) return;
  const body = plan.throws ? result : (result as { readonly data: unknown }).data;
  return checker.check(plan, status, body, contextOf(plan, attempt, requestId));
}
