// The failure-classification step: what a thrown attempt means. Transport failures become
// ConnectionError or TimeoutError (the only failures the retry policy may repeat); the caller's
// abort and bad parameters end the call; anything else (a middleware's own error) passes unchanged.
import { ConfigurationError, ConnectionError, RequestAbortedError, type RequestContext, TimeoutError } from "../errors";
import { provablyNotSent } from "../retry";
import { refusalOf } from "../transport/refusal";
import type { CallPlan } from "./plan";

/** Whether a thrown value is a transport failure (fetch's TypeError, a socket error with a code). */
export const isTransportFailure = (error: unknown): boolean =>
  error instanceof TypeError || typeof (error as { code?: unknown })?.code === "string";

export const contextOf = (plan: CallPlan, attempt: number, requestId?: string): RequestContext => ({
  method: plan.method,
  path: plan.path,
  attempts: attempt,
  requestId,
});

/** The error an attempt that threw `error` stands for; `timedOut` says whether its own timeout fired. */
export function classifyFailure(error: unknown, plan: CallPlan, attempt: number, timedOut: boolean): unknown {
  if (plan.signal?.aborted) {
    return new RequestAbortedError("aborted by the caller", contextOf(plan, attempt), { cause: plan.signal.reason });
  }
  if (error instanceof ConfigurationError) {
    // Raised while the request was built (a path parameter): name the call it is about.
    return error.method === undefined ? new ConfigurationError(error.message, plan, { cause: error }) : error;
  }
  if (timedOut) return new TimeoutError(`no complete answer within ${plan.timeout} ms`, contextOf(plan, attempt));
  if (isTransportFailure(error)) {
    const message = provablyNotSent(error) ? "connection failed before the request was sent" : "connection failed";
    const refusal = refusalOf(error);
    return new ConnectionError(refusal ? `${message}: ${refusal}` : message, contextOf(plan, attempt), {
      cause: error,
    });
  }
  return error;
}
