// The per-attempt step: one request through openapi-fetch (so middleware sees every attempt) under
// its own timeout, which covers the whole body, and the caller's signal.
import type { Client } from "openapi-fetch";
import { classifyFailure } from "./failure";
import type { CallPlan } from "./plan";

/** What openapi-fetch resolves to: the body (read as the plan says) as data or error, and the response. */
export interface Answer {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

const abortAttempt = (controller: AbortController) => controller.abort();

/** Resolves to the answer, or rejects with what classifyFailure makes of the failure. */
export async function attemptOnce(
  // biome-ignore lint/suspicious/noExplicitAny: the typed surface lives in types.ts; this is the untyped engine under it
  inner: Client<any>,
  plan: CallPlan,
  attempt: number,
): Promise<Answer> {
  const timeout = new AbortController();
  const timer = setTimeout(abortAttempt, plan.timeout, timeout);
  plan.request.signal = plan.signal ? AbortSignal.any([plan.signal, timeout.signal]) : timeout.signal;
  try {
    return await inner.request(plan.method as "get", plan.path, plan.request);
  } catch (error) {
    throw classifyFailure(error, plan, attempt, timeout.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}
