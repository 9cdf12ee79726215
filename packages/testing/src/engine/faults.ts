// Failures on demand, to test a caller's retries and timeouts: an error status (with Retry-After),
// a delay, or a dropped connection, for requests that match a target, a number of times. `when:
// "after"` lets the request change the state first and then loses the answer, the case an
// idempotency key exists for.

export interface FaultOptions {
  /** Answer with this status instead (with Enfuce's error body unless `body` is given). */
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as `Retry-After`: seconds, or an HTTP date. */
  readonly retryAfter?: number | string;
  /** Milliseconds (real time) to wait before answering; alone, the answer is otherwise normal. */
  readonly delayMs?: number;
  /** Drop the connection instead of answering (`fetch` rejects as it does on a reset). */
  readonly drop?: boolean;
  /** How many matching requests fail; default: every one until `clear()` or `sandbox.reset()`. */
  readonly times?: number;
  /** `before` (default): the request is not processed. `after`: it is processed, then the answer is lost. */
  readonly when?: "before" | "after";
}

export interface Fault {
  readonly target: string;
  /** Matching requests it failed so far. */
  readonly triggered: number;
  /** Matching requests it will still fail. */
  readonly remaining: number;
  clear(): void;
}

/** What a request is, for matching: its path and, once routed, its operation. */
export interface FaultSubject {
  readonly method: string;
  readonly paths: readonly string[];
  readonly operationId?: string;
}

interface Entry extends Fault {
  readonly options: FaultOptions;
  readonly matches: (subject: FaultSubject) => boolean;
  triggered: number;
  remaining: number;
}

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** `POST /transfer/v1/a2a`, `* /card/*`, `GET /v4/{id}` (a template), or an operationId. */
function matcher(target: string): (subject: FaultSubject) => boolean {
  const space = target.indexOf(" ");
  if (space === -1) return (subject) => subject.operationId === target;
  const method = target.slice(0, space).toUpperCase();
  const pattern = target.slice(space + 1).trim();
  // `*` and `...` stand for any characters.
  const regex = new RegExp(
    `^${pattern
      .split(/\*|\.\.\./)
      .map(escapeRegExp)
      .join(".*")}$`,
  );
  return (subject) => (method === "*" || method === subject.method) && subject.paths.some((path) => regex.test(path));
}

function checkOptions(target: unknown, options: FaultOptions): void {
  if (typeof target !== "string" || target.trim() === "") {
    throw new TypeError(
      'fail(): the target is "METHOD /path" (a path or template, * for any characters) or an operationId',
    );
  }
  if (typeof options !== "object" || options === null) throw new TypeError("fail(): options are required");
  const { status, delayMs, drop, times, when, retryAfter } = options;
  if (status !== undefined && (!Number.isInteger(status) || status < 100 || status > 599)) {
    throw new TypeError("fail(): status must be an HTTP status code (100-599)");
  }
  if (delayMs !== undefined && (!Number.isFinite(delayMs) || delayMs < 0))
    throw new TypeError("fail(): delayMs must be >= 0");
  if (times !== undefined && (!(Number.isInteger(times) || times === Number.POSITIVE_INFINITY) || times < 1)) {
    throw new TypeError("fail(): times must be a positive integer");
  }
  if (when !== undefined && when !== "before" && when !== "after")
    throw new TypeError('fail(): when is "before" or "after"');
  if (drop && status !== undefined)
    throw new TypeError("fail(): a dropped connection has no status; give one of drop and status");
  if (!drop && status === undefined && delayMs === undefined) {
    throw new TypeError("fail(): give a status, drop: true or delayMs");
  }
  if (retryAfter !== undefined && typeof retryAfter !== "number" && typeof retryAfter !== "string") {
    throw new TypeError("fail(): retryAfter is a number of seconds or an HTTP date");
  }
}

export class Faults {
  readonly #entries: Entry[] = [];

  add(target: string, options: FaultOptions): Fault {
    checkOptions(target, options);
    const entries = this.#entries;
    const entry: Entry = {
      target,
      options: { ...options },
      matches: matcher(target),
      triggered: 0,
      remaining: options.times ?? Number.POSITIVE_INFINITY,
      clear() {
        const index = entries.indexOf(entry);
        if (index !== -1) entries.splice(index, 1);
      },
    };
    entries.push(entry);
    return entry;
  }

  /** The first fault for this request at this moment (`before` or `after` processing); consumes one of its times. */
  take(subject: FaultSubject, when: "before" | "after"): (FaultOptions & { readonly target: string }) | undefined {
    const entry = this.#entries.find(
      (candidate) => (candidate.options.when ?? "before") === when && candidate.matches(subject),
    );
    if (!entry) return undefined;
    entry.triggered++;
    entry.remaining--;
    if (entry.remaining <= 0) entry.clear();
    return { ...entry.options, target: entry.target };
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

/** The error `fetch` rejects with when the connection is reset: a TypeError whose cause has a code. */
export function droppedConnection(): TypeError {
  const cause = Object.assign(new Error("socket hang up (dropped by sandbox.fail)"), { code: "ECONNRESET" });
  return new TypeError("fetch failed", { cause });
}

/** Waits `ms` of real time; rejects at once when `signal` aborts. */
export function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
