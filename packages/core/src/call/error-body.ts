// What `error` holds when a call fails with a status: the JSON object Enfuce sent (typed from the
// spec), or a RawErrorBody when there is no JSON object to give. Either way it is truthy, so
// `if (error)` sees every failed call.
import { readsAsJson } from "../json";
import type { Answer } from "./answer";

/** At most this many characters of a body are kept in `RawErrorBody.text`. */
export const RAW_ERROR_TEXT_LIMIT = 1000;

/**
 * The `error` of a failed call whose answer holds no JSON object: an empty body, text or HTML, JSON
 * that does not parse, or a JSON value that is not an object (`null`, `""`, `false`, a number, a list).
 */
export class RawErrorBody {
  readonly status: number;
  readonly contentType: string | undefined;
  /** The body as text (a JSON value as JSON), credentials redacted, "" when empty; see `truncated`. */
  readonly text: string;
  /** Whether `text` was cut at RAW_ERROR_TEXT_LIMIT characters. */
  readonly truncated: boolean;

  constructor(status: number, contentType: string | undefined, text: string) {
    this.status = status;
    this.contentType = contentType;
    this.truncated = text.length > RAW_ERROR_TEXT_LIMIT;
    this.text = this.truncated ? text.slice(0, RAW_ERROR_TEXT_LIMIT) : text;
  }
}

const isObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `received` is the error body as openapi-fetch read it: `undefined` when empty, the parsed JSON
 * when the text parses, else the text.
 */
export function errorBodyOf(
  received: unknown,
  answer: Pick<Answer, "status" | "header">,
  redact: (text: string) => string,
): object {
  const contentType = answer.header("content-type") ?? undefined;
  if (isObject(received) && readsAsJson(contentType)) return received;
  const text = received === undefined ? "" : typeof received === "string" ? received : JSON.stringify(received);
  return new RawErrorBody(answer.status, contentType, redact(text));
}
