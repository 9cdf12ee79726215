// A request without a WHATWG Request or Response: plain strings in, the whole answer buffered as
// text out, on the same kept-alive connections. Failures look as they do through fetch (a
// TypeError whose `cause` keeps undici's `code`), so the retry policy reads both paths alike.

import type { Dispatcher } from "../load";
import { AttemptDeadline } from "./deadline";

export interface WireRequest {
  readonly origin: string;
  /** Path and query string. */
  readonly path: string;
  readonly method: string;
  /** Name/value pairs, names in lower case. */
  readonly headers: readonly string[];
  readonly body: string | undefined;
}

export type RawHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** A complete answer. */
export interface Reply {
  readonly status: number;
  readonly statusText: string;
  /** As undici parsed them: lower-case names, repeated headers as lists. */
  readonly headers: RawHeaders;
  /** The body decoded as UTF-8 (a byte order mark dropped, as fetch's `text()` does). */
  readonly text: string;
}

const NO_HEADERS: RawHeaders = {};
const BYTE_ORDER_MARK = 0xfeff;

function decode(chunks: readonly Buffer[]): string {
  if (chunks.length === 0) return "";
  const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString("utf8");
  return text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
}

/** One dispatch, its timeout and the caller's signal: resolves once the whole body has arrived. */
class BufferingHandler extends AttemptDeadline implements Dispatcher.DispatchHandler {
  readonly reply: Promise<Reply>;
  #resolve!: (reply: Reply) => void;
  #reject!: (error: unknown) => void;
  #controller: Dispatcher.DispatchController | undefined;
  /** Why the attempt was stopped before it ended, once it was (see #isStopped). */
  #stopped: unknown;
  #isStopped = false;
  #settled = false;
  #status = 0;
  #statusText = "";
  #headers = NO_HEADERS;
  #chunks: Buffer[] = [];

  constructor(timeoutMs: number, signal: AbortSignal | undefined) {
    super();
    this.reply = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.arm(timeoutMs, signal);
  }

  protected stop(reason: unknown): void {
    if (this.#settled) return;
    this.#stopped = reason;
    this.#isStopped = true;
    if (this.#controller) this.#controller.abort(reason as Error);
    else this.#fail(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // A redirect starts a new request with a new controller.
    this.#controller = controller;
    if (this.#settled) controller.abort(this.#stopped as Error);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
    statusText?: string,
  ): void {
    if (status < 200) return;
    if (status > 599) {
      // fetch treats a status it cannot represent as a network error.
      controller.abort(new RangeError(`status ${status} is outside 200-599`));
      return;
    }
    this.#status = status;
    this.#statusText = statusText ?? "";
    this.#headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.disarm();
    this.#resolve({
      status: this.#status,
      statusText: this.#statusText,
      headers: this.#headers,
      text: decode(this.#chunks),
    });
  }

  onResponseError(_controller: unknown, error: unknown): void {
    if (this.#isStopped) this.#fail(this.#stopped);
    else this.#fail(new TypeError(this.#status === 0 ? "fetch failed" : "terminated", { cause: error }));
  }

  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.disarm();
    this.#reject(error);
  }
}

/**
 * Sends `request` through `dispatcher` and reads the whole answer within `timeoutMs`; rejects with
 * AttemptTimedOut when that runs out, with the signal's reason when the caller aborts.
 */
export function sendDirect(
  dispatcher: Dispatcher,
  request: WireRequest,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Reply> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const handler = new BufferingHandler(timeoutMs, signal);
  dispatcher.dispatch(request as Dispatcher.DispatchOptions, handler);
  return handler.reply;
}
