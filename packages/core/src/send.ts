// One call, all attempts: the only place that runs a call's steps in order. Each step is a named
// function in ./call (what it decides is unit-tested there) or in ./retry (the retry policy):
//
//   planCall          options over the client's, idempotency key, audit user, safe to repeat?
//   routeCall         straight to the connections, or through openapi-fetch and a Request
//   attemptOnce       one request under its own timeout; failures classified
//   shouldRetry...    the policy: status or failure, retries left
//   log...            one line per answer, retry and failed connection
//   waitBeforeRetry   backoff or Retry-After, cut short by the caller's signal
//   resultOf          data, a truthy error, or the typed error with throwOnError
//   checkAnswer       with validateResponses: a 2xx against the spec (./validation)
//
// With OpenTelemetry, the call and each attempt are spans (../tracing/client-spans.ts).
import { type Answer, isSuccess } from "./call/answer";
import { type AttemptRoute, attemptOnce } from "./call/attempt";
import { logAnswer, logConnectionFailure, logStatusRetry } from "./call/log";
import { type CallInit, type CallPlan, planCall } from "./call/plan";
import { requestIdOf, resultOf } from "./call/result";
import { routeCall } from "./call/route";
import { waitBeforeRetry } from "./call/wait";
import { ConnectionError } from "./errors";
import type { ResolvedConfig } from "./options";
import type { Outbound } from "./outbound";
import { hasRetriesLeft, shouldRetryFailure, shouldRetryStatus } from "./retry";
import type { DomainSpec } from "./spec";
import { type CallSpan, type ClientTracing, startCallSpan } from "./tracing/client-spans";
import { checkAnswer } from "./validation/check-answer";
import type { ResponseChecker } from "./validation/response-checker";

export interface SendContext {
  readonly config: ResolvedConfig;
  readonly spec: DomainSpec;
  readonly outbound: Outbound;
  readonly tracing: ClientTracing;
  /** Set when `validateResponses` is not "off". */
  readonly responses: ResponseChecker | undefined;
}

const NO_INIT: CallInit = {};

export async function send(ctx: SendContext, method: string, path: string, init: CallInit = NO_INIT): Promise<unknown> {
  const { config } = ctx;
  const plan = planCall(config, ctx.spec.operations[`${method} ${path}`], method, path, init);
  const route = await routeCall(ctx.outbound, plan);
  let span = startCallSpan(ctx.tracing, plan);
  if (span instanceof Promise) span = await span;
  return span ? span.run(() => attempts(ctx, plan, route, span)) : attempts(ctx, plan, route, undefined);
}

async function attempts(
  ctx: SendContext,
  plan: CallPlan,
  route: AttemptRoute,
  span: CallSpan | undefined,
): Promise<unknown> {
  const { config } = ctx;
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await (span
        ? span.attempt(attempt, () => attemptOnce(route, plan, attempt))
        : attemptOnce(route, plan, attempt));
    } catch (failure) {
      if (!(failure instanceof ConnectionError)) throw failure;
      const retrying =
        hasRetriesLeft(attempt, plan.maxRetries) && shouldRetryFailure(failure, plan.safeToRepeat, plan.retry);
      logConnectionFailure(config.log, plan, attempt, failure, started, retrying);
      if (!retrying) throw failure;
      await waitBeforeRetry(plan, attempt, null, config.retryBackoff);
      continue;
    }
    const { status } = answer;
    const requestId = requestIdOf(answer);
    logAnswer(config.log, plan, attempt, status, started, requestId);
    if (shouldRetryStatus(status, plan.safeToRepeat) && hasRetriesLeft(attempt, plan.maxRetries)) {
      logStatusRetry(config.log, plan, attempt, status);
      await waitBeforeRetry(plan, attempt, answer.header("retry-after"), config.retryBackoff);
      continue;
    }
    const result = resultOf(plan, answer, attempt, requestId, config.redact);
    if (ctx.responses && isSuccess(status))
      return checkAnswer(ctx.responses, plan, answer, result, attempt, requestId, span);
    return result;
  }
}
