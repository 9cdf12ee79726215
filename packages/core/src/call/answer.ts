// What an attempt that got an answer hands the later steps, whichever way it was sent: the status,
// the headers, the body as openapi-fetch reads it (`data` for a 2xx, else `error`), and the fetch
// Response, which a call sent without a Request only builds when someone reads it.
import { parseJsonOrText } from "../json";
import type { RawHeaders, Reply } from "../transport/direct";
import { fetchHeaders } from "../transport/http";

export interface Answer {
  readonly status: number;
  /** A header's value by lower-case name (repeated headers joined by ", "), null when absent. */
  header(name: string): string | null;
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** An answer openapi-fetch read through a Request (middleware, a custom fetch, a streamed body). */
export class FetchAnswer implements Answer {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;

  constructor(read: { data?: unknown; error?: unknown; response: Response }) {
    this.data = read.data;
    this.error = read.error;
    this.response = read.response;
  }

  get status(): number {
    return this.response.status;
  }

  header(name: string): string | null {
    return this.response.headers.get(name);
  }
}

function headerOf(headers: RawHeaders, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return typeof value === "string" ? value : value.join(", ");
}

/**
 * An answer read without a Request, by openapi-fetch's rules: nothing for a 204, a HEAD or a
 * declared empty body; for a 2xx the text (or its JSON with `parseAs: "json"`); else the body by the
 * shared rule (`parseJsonOrText`: its JSON when it parses, else the text). `parseAs` is "text" or
 * "json" here; other modes go through a Request.
 */
export class DirectAnswer implements Answer {
  readonly status: number;
  readonly data?: unknown;
  readonly error?: unknown;
  readonly #reply: Reply;
  #response: Response | undefined;

  constructor(reply: Reply, method: string, parseAs: "text" | "json") {
    this.#reply = reply;
    this.status = reply.status;
    const length = this.header("content-length");
    if (
      reply.status === 204 ||
      method === "HEAD" ||
      (length === "0" && !this.header("transfer-encoding")?.includes("chunked"))
    ) {
      return;
    }
    const { text } = reply;
    if (isSuccess(reply.status)) {
      // As `response.json()`: text that does not parse throws; openapi-fetch lets an empty body of unknown length through.
      this.data = parseAs === "text" ? text : length || text ? JSON.parse(text) : undefined;
      return;
    }
    this.error = parseJsonOrText(text);
  }

  header(name: string): string | null {
    return headerOf(this.#reply.headers, name);
  }

  /** Status and headers as a fetch Response; the body was read into `data` or `error`, so it has none. */
  get response(): Response {
    this.#response ??= new Response(null, {
      status: this.#reply.status,
      statusText: this.#reply.statusText,
      headers: fetchHeaders(this.#reply.headers),
    });
    return this.#response;
  }
}
