// The one rule for JSON bodies, whichever way they travel: answers Enfuce gives the client (call/result.ts,
// call/answer.ts), answers your receiver gives the webhook sender (webhook/send.ts), and calls Enfuce
// makes to your receiver (webhook/receiver.ts).

const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/** application/json or a +json type, in UTF-8 (the only charset the docs use) or with no charset. */
export function isJsonContentType(value: string | null | undefined): boolean {
  // What nearly every sender writes, and every webhook call is checked: answered without a pattern.
  if (value === "application/json") return true;
  if (!value) return false;
  const semicolon = value.indexOf(";");
  const essence = (semicolon === -1 ? value : value.slice(0, semicolon)).trim();
  if (!JSON_MEDIA_TYPE.test(essence)) return false;
  const charset = CHARSET.exec(value)?.[1]?.toLowerCase();
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

/** Whether a body with this content type is read as JSON: declared JSON, or declared as nothing at all. */
export const readsAsJson = (contentType: string | null | undefined): boolean =>
  !contentType || isJsonContentType(contentType);

/** What `parseJson` returns for text that is not a JSON document. */
export const NOT_JSON: unique symbol = Symbol("not JSON");

/**
 * The document in `text`: `undefined` when there is none (empty text), `NOT_JSON` when the text does
 * not parse. Never throws, so no caller can pass JSON.parse's message on: it quotes the body, which
 * may hold card data.
 */
export function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/**
 * The document in `text`, or the text itself when it does not parse (a body whose shape is unknown,
 * such as an error page); `undefined` when empty.
 */
export function parseJsonOrText(text: string): unknown {
  const document = parseJson(text);
  return document === NOT_JSON ? text : document;
}
