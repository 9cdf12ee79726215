// The wait between attempts: the retry policy's delay, cut short by the caller's signal.
import { RequestAbortedError } from "../errors";
import { type RetryBackoff, retryDelayMs } from "../retry";
import { contextOf } from "./failure";
import type { CallPlan } from "./plan";

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise((resolve) => setTimeout(resolve, ms));
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Waits before the attempt after `attempt`; rejects with RequestAbortedError if the caller aborts meanwhile. */
export async function waitBeforeRetry(
  plan: CallPlan,
  attempt: number,
  retryAfter: string | null,
  backoff: RetryBackoff,
): Promise<void> {
  try {
    await sleep(retryDelayMs(attempt, retryAfter, backoff), plan.signal);
  } catch (reason) {
    throw new RequestAbortedError("aborted by the caller", contextOf(plan, attempt), { cause: reason });
  }
}
