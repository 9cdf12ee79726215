// fetch's contract (Request in, Response out) on a client's kept-alive connections: the transport of
// calls that need a WHATWG Request (openapi-fetch middleware, a streamed answer). Node's own fetch
// spends most of its time in spec machinery an API client does not need; this keeps the parts
// callers rely on: the Response arrives with the headers and its body streams, abort rejects with
// the signal's reason, redirects drop credentials on the way to another origin, and a network
// failure is fetch's TypeError whose `cause` keeps undici's `code` (the retry policy reads it).

import type { Dispatcher } from "../load";
import type { Connections } from "./connections";
import { DEFAULT_REQUEST_HEADERS, fetchHeaders, isRedirect, NULL_BODY_STATUS } from "./http";

/** What the core calls once per attempt; the same shape as `ClientOptions.fetch`. */
export type Transport = (request: Request) => Promise<Response>;

/** Body bytes queued for a slow reader before the socket is paused. */
const BODY_HIGH_WATER_MARK = 64 * 1024;

function flatHeaders(headers: Headers): string[] {
  const flat: string[] = [];
  headers.forEach((value, name) => {
    flat.push(name, value);
  });
  for (const [name, value] of DEFAULT_REQUEST_HEADERS) if (!headers.has(name)) flat.push(name, value);
  return flat;
}

/** Turns one dispatch into a Response that resolves at the headers and streams its body. */
class ResponseHandler implements Dispatcher.DispatchHandler {
  readonly response: Promise<Response>;
  #resolve!: (response: Response) => void;
  #reject!: (error: unknown) => void;
  #answered = false;
  #controller: Dispatcher.DispatchController | undefined;
  #body: ReadableStreamDefaultController<Uint8Array> | undefined;
  readonly #request: Request;

  constructor(request: Request) {
    this.#request = request;
    this.response = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    request.signal.addEventListener("abort", this, { once: true });
  }

  /** The request's signal aborted. */
  handleEvent(): void {
    if (this.#controller) this.#controller.abort(this.#request.signal.reason);
    else this.onResponseError(undefined, this.#request.signal.reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // A redirect starts a new request with a new controller.
    this.#controller = controller;
    if (this.#request.signal.aborted) controller.abort(this.#request.signal.reason);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
    statusText?: string,
  ): void {
    if (status < 200) return;
    if (this.#request.redirect === "error" && isRedirect(status)) {
      controller.abort(new Error(`redirect ${status} refused: the request's redirect mode is "error"`));
      return;
    }
    const init = { status, statusText: statusText ?? "", headers: fetchHeaders(headers) };
    const hasBody = this.#request.method !== "HEAD" && !NULL_BODY_STATUS.has(status);
    const body = hasBody
      ? new ReadableStream<Uint8Array>(
          {
            start: (stream) => {
              this.#body = stream;
            },
            pull: () => controller.resume(),
            cancel: () => {
              this.#body = undefined;
              controller.abort(new Error("the response body was cancelled"));
            },
          },
          { highWaterMark: BODY_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
        )
      : null;
    try {
      this.#answered = true;
      this.#resolve(new Response(body, init));
    } catch (invalid) {
      // e.g. a status outside 200-599, which fetch treats as a network error too.
      this.#answered = false;
      controller.abort(invalid as Error);
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.#body) return;
    this.#body.enqueue(chunk);
    if ((this.#body.desiredSize ?? 0) <= 0) controller.pause();
  }

  onResponseEnd(): void {
    this.#request.signal.removeEventListener("abort", this);
    this.#body?.close();
  }

  onResponseError(_controller: unknown, error: unknown): void {
    const { signal } = this.#request;
    signal.removeEventListener("abort", this);
    if (!this.#answered) this.#reject(signal.aborted ? signal.reason : new TypeError("fetch failed", { cause: error }));
    else this.#body?.error(signal.aborted ? signal.reason : new TypeError("terminated", { cause: error }));
  }
}

/** A fetch-compatible transport over `connections`, loading them on its first request. */
export function createFetchTransport(connections: Connections): Transport {
  return async function keepAliveFetch(request: Request): Promise<Response> {
    if (request.signal.aborted) throw request.signal.reason;
    const dispatchers = connections.ready ?? (await connections.load());
    const url = new URL(request.url);
    // Buffered, so the length is known and a 307/308 redirect can send it again.
    const body = request.body === null ? null : Buffer.from(await request.arrayBuffer());
    const handler = new ResponseHandler(request);
    const dispatcher = request.redirect === "follow" ? dispatchers.following : dispatchers.direct;
    dispatcher.dispatch(
      {
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method,
        headers: flatHeaders(request.headers),
        body,
      },
      handler,
    );
    return handler.response;
  };
}
