// `client.request(method, path, init)`: the escape hatch for an endpoint the spec does not have yet.
// The call goes through the same steps as a typed one (send.ts): credentials, audit user, retries,
// timeouts, errors, logging and spans. Only what the spec would have told is missing, so the rules
// that depend on it take the safe side: no idempotency key is generated and a given one proves
// nothing, so a POST or PATCH is repeated only with `retry: true` or when it provably never left.
// The path is a template under the client's base URL; its values are encoded as one segment each.
import { type CallSite, ConfigurationError } from "./errors";
import type { RequestMethod } from "./types";

/** The methods a call may use, typed or not. */
export const METHODS = [
  "GET",
  "PUT",
  "POST",
  "DELETE",
  "PATCH",
  "HEAD",
  "OPTIONS",
] as const satisfies readonly RequestMethod[];

// One path segment: RFC 3986 pchar, percent-encodings, and `{name}` placeholders for values.
const SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2}|\{[A-Za-z0-9_.-]+\})*$/;
// `.` and `..` in any spelling would move the call out of the client's base path.
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

const isMethod = (value: unknown): value is RequestMethod => METHODS.includes(value as RequestMethod);

/**
 * Refuses a method or path template that could not name an endpoint under the base URL: an unknown
 * method, a path that does not start with `/`, holds a query or fragment, an empty or dot segment
 * (so no value can reach another host, domain or base path), or characters a URL path cannot hold.
 */
export function checkRequestTarget(method: unknown, path: unknown): CallSite {
  if (typeof method !== "string" || typeof path !== "string") {
    throw new ConfigurationError("client.request takes a method and a path template, both strings");
  }
  const call = { method, path };
  if (!isMethod(method)) throw new ConfigurationError(`the method must be one of ${METHODS.join(", ")}`, call);
  if (!path.startsWith("/")) throw new ConfigurationError("the path must start with /", call);
  const segments = path.slice(1).split("/");
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if ((segment === "" && !last) || DOT_SEGMENT.test(segment) || !SEGMENT.test(segment)) {
      throw new ConfigurationError(
        "the path must be a template under the base URL: segments of URL path characters and {name} " +
          "placeholders, no empty, . or .. segment, no query (give params.query) and no fragment",
        call,
      );
    }
  });
  return call;
}
