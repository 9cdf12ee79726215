// The per-attempt step: one request under its own timeout, which covers the whole body, and the
// caller's signal. A call with a wire request goes straight to the transport; any other goes through
// openapi-fetch and a WHATWG Request, so middleware and a custom fetch see every attempt.
import type { Client } from "openapi-fetch";
import type { Dispatchers } from "../transport/connections";
import { AttemptDeadline, AttemptTimedOut } from "../transport/deadline";
import { sendDirect, type WireRequest } from "../transport/direct";
import { type Answer, DirectAnswer, FetchAnswer } from "./answer";
import { classifyFailure } from "./failure";
import type { CallPlan } from "./plan";

/** How a call's attempts go out: a wire request on the default transport, or openapi-fetch. */
export type AttemptRoute =
  | { readonly wire: WireRequest; readonly dispatchers: Dispatchers }
  // biome-ignore lint/suspicious/noExplicitAny: the typed surface lives in types.ts; this is the untyped engine under it
  | { readonly wire?: undefined; readonly client: Client<any> };

/** An AbortSignal for the Request, aborted by the attempt's timer or the caller's signal. */
class RequestDeadline extends AttemptDeadline {
  readonly #controller = new AbortController();
  readonly signal = this.#controller.signal;

  constructor(timeoutMs: number, signal: AbortSignal | undefined) {
    super();
    this.arm(timeoutMs, signal);
  }

  protected stop(reason: unknown): void {
    this.#controller.abort(reason);
  }

  release(): void {
    this.disarm();
  }
}

async function attemptThroughRequest(
  // biome-ignore lint/suspicious/noExplicitAny: see AttemptRoute
  client: Client<any>,
  plan: CallPlan,
  attempt: number,
): Promise<Answer> {
  const deadline = new RequestDeadline(plan.timeout, plan.signal);
  plan.request.signal = deadline.signal;
  try {
    return new FetchAnswer(await client.request(plan.method as "get", plan.path, plan.request));
  } catch (error) {
    throw classifyFailure(error, plan, attempt, deadline.timedOut);
  } finally {
    deadline.release();
  }
}

async function attemptDirect(
  route: { readonly wire: WireRequest; readonly dispatchers: Dispatchers },
  plan: CallPlan,
  attempt: number,
): Promise<Answer> {
  const { wire } = route;
  try {
    const reply = await sendDirect(route.dispatchers.following, wire, plan.timeout, plan.signal);
    return new DirectAnswer(reply, wire.method, plan.request.parseAs as "text" | "json");
  } catch (error) {
    throw classifyFailure(error, plan, attempt, error instanceof AttemptTimedOut);
  }
}

/** Resolves to the answer, or rejects with what classifyFailure makes of the failure. */
export function attemptOnce(route: AttemptRoute, plan: CallPlan, attempt: number): Promise<Answer> {
  return route.wire ? attemptDirect(route, plan, attempt) : attemptThroughRequest(route.client, plan, attempt);
}
