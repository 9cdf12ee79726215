// The logging step: one line per answer at debug, one per retry at info, and a failed connection
// at info while a retry follows, else warn. Lines name the method and path template, never values.
import type { LogSink } from "../log";
import type { CallPlan } from "./plan";

const since = (started: number) => Math.round(performance.now() - started);

export function logAnswer(
  log: LogSink,
  plan: CallPlan,
  attempt: number,
  status: number,
  started: number,
  requestId: string | undefined,
): void {
  // Every call passes here: build the record only when someone reads it.
  if (!log.enabled("debug")) return;
  log.log("debug", `${plan.method} ${plan.path} -> ${status}`, {
    method: plan.method,
    path: plan.path,
    status,
    attempt,
    durationMs: since(started),
    requestId,
  });
}

export function logStatusRetry(log: LogSink, plan: CallPlan, attempt: number, status: number): void {
  log.log("info", `${plan.method} ${plan.path} answered ${status}; retrying`, {
    method: plan.method,
    path: plan.path,
    status,
    attempt,
  });
}

export function logConnectionFailure(
  log: LogSink,
  plan: CallPlan,
  attempt: number,
  failure: Error,
  started: number,
  retrying: boolean,
): void {
  log.log(retrying ? "info" : "warn", `${plan.method} ${plan.path} failed: ${failure.name}`, {
    method: plan.method,
    path: plan.path,
    attempt,
    durationMs: since(started),
    error: failure.name,
  });
}
