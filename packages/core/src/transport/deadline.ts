// One attempt's limits without an AbortSignal per attempt: a timer and, when the caller gave a
// signal, one listener on it (this object itself, through `handleEvent`). AbortSignal.any and a
// closure per attempt cost more than the request they guard.

/** Why an attempt was stopped by its own timer; the caller's abort keeps the signal's reason. */
export class AttemptTimedOut extends Error {
  override name = "AttemptTimedOut";
}

function expire(deadline: AttemptDeadline): void {
  deadline.expire();
}

export abstract class AttemptDeadline {
  /** Whether the attempt's own timer stopped it. */
  timedOut = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #signal: AbortSignal | undefined;

  /** Starts the timer and listens to the caller's signal; stops at once if that is already aborted. */
  protected arm(timeoutMs: number, signal: AbortSignal | undefined): void {
    if (signal?.aborted) {
      this.stop(signal.reason);
      return;
    }
    this.#timer = setTimeout(expire, timeoutMs, this);
    if (signal) {
      this.#signal = signal;
      signal.addEventListener("abort", this);
    }
  }

  /** The attempt is over, however it ended. */
  protected disarm(): void {
    clearTimeout(this.#timer);
    this.#signal?.removeEventListener("abort", this);
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.stop(this.#signal?.reason);
  }

  expire(): void {
    this.timedOut = true;
    this.stop(new AttemptTimedOut("the attempt's timeout fired"));
  }

  /** Stops the attempt with `reason`. */
  protected abstract stop(reason: unknown): void;
}
