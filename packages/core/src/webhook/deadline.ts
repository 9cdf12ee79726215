// Runs user code against a deadline without a timer per call: an authorisation waits on this code,
// so the receiver's own cost per call must stay close to nothing. Code that answers synchronously
// costs no timer at all; pending calls of one webhook share a single timer, armed for the earliest.
import type { WebhookContext } from "./types";

export type Outcome<T> =
  | { readonly kind: "answered"; readonly value: T }
  | { readonly kind: "threw"; readonly error: unknown }
  | { readonly kind: "deadline" };

export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === "object" || typeof value === "function") &&
  value !== null &&
  typeof (value as { then?: unknown }).then === "function";

/** What user code receives; its AbortSignal is only made if the code asks for it. */
export class CallContext<Params> implements WebhookContext<Params> {
  readonly operationId: string;
  readonly params: Params;
  #controller: AbortController | undefined;

  constructor(operationId: string, params: Params) {
    this.operationId = operationId;
    this.params = params;
  }

  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  abort(): void {
    this.#controller?.abort(new DOMException("the webhook deadline passed", "TimeoutError"));
  }
}

/**
 * Runs a callback from a timer or a promise reaction. `done` and `late` answer and report failures
 * themselves; whatever still escapes must not become an uncaught exception or an unhandled
 * rejection, either of which would stop the server.
 */
function runGuarded<Argument>(callback: ((argument: Argument) => void) | undefined, argument: Argument): void {
  try {
    callback?.(argument);
  } catch {
    // Nothing left to answer to; see above.
  }
}

interface Pending {
  readonly at: number;
  /** Cleared once the call settles, so a settled call holds on to nothing until the timer passes. */
  expire: (() => void) | undefined;
}

/** The pending calls of one webhook, earliest deadline first, behind one timer. */
export class DeadlineQueue {
  // The pending calls are `#pending[#head]` up to `#pending[#end - 1]`; a slot is cleared when its
  // call leaves. The array keeps its length when the queue empties: emptied and refilled on every
  // call, it would be given new storage each time.
  readonly #pending: (Pending | undefined)[] = [];
  #head = 0;
  #end = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  add(at: number, expire: () => void): Pending {
    const entry: Pending = { at, expire };
    const pending = this.#pending;
    // Calls nearly always come in deadline order, so this loop nearly always stops at once.
    let index = this.#end++;
    while (index > this.#head && (pending[index - 1] as Pending).at > at) {
      pending[index] = pending[index - 1] as Pending;
      index--;
    }
    pending[index] = entry;
    if (at < this.#timerAt) this.#arm(at);
    return entry;
  }

  /** Marks `entry` settled; true if it was still pending, false if its deadline had already passed. */
  settle(entry: Pending): boolean {
    if (entry.expire === undefined) return false;
    entry.expire = undefined;
    // Calls mostly settle in the order they came, so settled entries are dropped from the front at
    // once: kept until the timer, thousands of them would outlive the young generation and make
    // every garbage collection slower.
    const pending = this.#pending;
    while (this.#head < this.#end && (pending[this.#head] as Pending).expire === undefined) {
      pending[this.#head++] = undefined;
    }
    if (this.#head === this.#end) {
      this.#head = 0;
      this.#end = 0;
    } else if (this.#head >= 1024 && this.#head * 2 >= this.#end) {
      const count = this.#end - this.#head;
      pending.copyWithin(0, this.#head, this.#end).fill(undefined, count, this.#end);
      this.#head = 0;
      this.#end = count;
    }
    return true;
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, at - performance.now()));
  }

  #fire(): void {
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    const now = performance.now();
    while (this.#head < this.#end) {
      const entry = this.#pending[this.#head] as Pending;
      if (entry.expire !== undefined && entry.at > now) break;
      this.#pending[this.#head++] = undefined;
      const expire = entry.expire;
      entry.expire = undefined;
      runGuarded(expire, undefined);
    }
    if (this.#head === this.#end) {
      this.#head = 0;
      this.#end = 0;
      return;
    }
    this.#arm((this.#pending[this.#head] as Pending).at);
  }
}

/**
 * Calls `method` on `target` with two arguments: its outcome when it answered or threw at once,
 * else the promise it returned. Given apart rather than as a closure, a store call costs its caller
 * no allocation.
 */
export function attempt<Target, First, Second, T>(
  target: Target,
  method: (this: Target, first: First, second: Second) => T | PromiseLike<T>,
  first: First,
  second: Second,
): Outcome<T> | PromiseLike<T> {
  try {
    const result = method.call(target, first, second);
    return isThenable(result) ? result : { kind: "answered", value: result as T };
  } catch (error) {
    return { kind: "threw", error };
  }
}

/**
 * Gives `done` the outcome of what `attempt` returned: at once if it is one, else when the promise
 * settles, or `deadline` once `at` (a `performance.now()` time) passes first; exactly once. `late`
 * receives what a promise settling after the deadline produced, so it can still be reported and
 * never becomes an unhandled rejection.
 *
 *   settleWithin(attempt(store, store.recall, id, undefined), at, queue, undefined, done, late);
 */
export function settleWithin<T>(
  attempted: Outcome<T> | PromiseLike<T>,
  at: number,
  queue: DeadlineQueue,
  /** Aborted at the deadline; none for calls that take no signal (a store's). */
  context: CallContext<unknown> | undefined,
  done: (outcome: Outcome<T>) => void,
  late: (outcome: Outcome<T>) => void,
): void {
  if (!isThenable(attempted)) {
    done(attempted);
    return;
  }
  const entry = queue.add(at, () => {
    context?.abort();
    done({ kind: "deadline" });
  });
  const settle = (outcome: Outcome<T>) => runGuarded(queue.settle(entry) ? done : late, outcome);
  try {
    attempted.then(
      (value) => settle({ kind: "answered", value }),
      (error: unknown) => settle({ kind: "threw", error }),
    );
  } catch (error) {
    settle({ kind: "threw", error });
  }
}
