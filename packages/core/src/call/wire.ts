// The request of a call that needs no WHATWG Request: the URL, headers and body openapi-fetch would
// build from the same init (its merge order, its JSON body and Content-Type, our path and query
// serializers), as plain strings for the transport. A call this cannot represent exactly (fetch
// options such as `redirect`, per-call middleware or serializers, a FormData body, a streamed or
// binary answer) gets no wire request and goes through openapi-fetch.

import { serializePath, serializeQuery } from "../encoding";
import { ConfigurationError } from "../errors";
import type { WireRequest } from "../transport/direct";
import { DEFAULT_REQUEST_HEADERS } from "../transport/http";
import type { CallPlan } from "./plan";

/** What every request of a client shares. */
export interface WireTarget {
  readonly origin: string;
  /** The base URL's path without a trailing slash, "" for none. */
  readonly basePath: string;
  /** The client's own headers (Authorization), lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
}

export function wireTargetOf(baseUrl: string, headers: Readonly<Record<string, string>>): WireTarget {
  const url = new URL(baseUrl);
  const lowerCase: Record<string, string> = {};
  for (const name in headers) lowerCase[name.toLowerCase()] = headers[name] as string;
  return { origin: url.origin, basePath: url.pathname.replace(/\/$/, ""), headers: lowerCase };
}

type HeaderSet = Record<string, string>;
const HEADER_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

const isHeaders = (value: object): value is Headers => Object.prototype.toString.call(value) === "[object Headers]";

function setHeader(into: HeaderSet, key: string, value: unknown): void {
  const name = key.toLowerCase();
  if (value === null) delete into[name];
  else if (Array.isArray(value)) {
    for (const item of value) {
      const text = String(item).replace(HEADER_WHITESPACE, "");
      into[name] = into[name] === undefined ? text : `${into[name]}, ${text}`;
    }
  } else if (value !== undefined) into[name] = String(value).replace(HEADER_WHITESPACE, "");
}

/** openapi-fetch's mergeHeaders into `into`: later sources win, `null` removes, a list appends. */
function mergeHeaders(into: HeaderSet, source: unknown): void {
  if (!source || typeof source !== "object") return;
  if (isHeaders(source)) {
    source.forEach((value, key) => {
      setHeader(into, key, value);
    });
  } else for (const key in source) setHeader(into, key, (source as Record<string, unknown>)[key]);
}

const JSON_CONTENT_TYPE: HeaderSet = { "content-type": "application/json" };

function mergedHeaders(first: HeaderSet | undefined, target: WireTarget, ...sources: unknown[]): HeaderSet {
  const headers: HeaderSet = { ...first, ...target.headers };
  for (const source of sources) mergeHeaders(headers, source);
  return headers;
}

/** openapi-fetch's default body serializer, for the bodies a call sent without a Request can carry. */
function serializeBody(body: unknown, contentType: string | undefined): string | undefined {
  if (contentType === "application/x-www-form-urlencoded") {
    return new URLSearchParams(body as Record<string, string>).toString();
  }
  return JSON.stringify(body);
}

const isFormData = (value: unknown): boolean => Object.prototype.toString.call(value) === "[object FormData]";

/** What `plan.request` may hold for a call to go without a Request. */
const WIRE_KEYS = new Set(["params", "body", "headers", "parseAs"]);

function representable(request: CallPlan["request"], method: string): boolean {
  for (const key in request) if (!WIRE_KEYS.has(key) && request[key] !== undefined) return false;
  const { parseAs, body } = request;
  if (parseAs !== "text" && parseAs !== "json") return false;
  if (body === undefined) return true;
  // fetch refuses a GET or HEAD with a body; going through a Request keeps that error as it is.
  return !isFormData(body) && method !== "GET" && method !== "HEAD";
}

/**
 * The wire request for `plan`, or undefined when the call needs a Request. A bad path parameter
 * fails here with a ConfigurationError that names the call.
 */
export function wireRequestOf(target: WireTarget, plan: CallPlan): WireRequest | undefined {
  const { request, method } = plan;
  if (!representable(request, method)) return undefined;
  const params = request.params as {
    query?: Record<string, unknown>;
    header?: unknown;
    path?: Record<string, unknown>;
  };
  if (!params.path && plan.path.includes("{")) return undefined;

  let path: string;
  try {
    path = target.basePath + (params.path ? serializePath(plan.path, params.path) : plan.path);
  } catch (error) {
    if (error instanceof ConfigurationError) throw new ConfigurationError(error.message, plan, { cause: error });
    throw error;
  }
  const query = serializeQuery(params.query ?? {});
  if (query) path += `?${query}`;

  let headers = mergedHeaders(undefined, target, request.headers, params.header);
  const body = request.body === undefined ? undefined : serializeBody(request.body, headers["content-type"]);
  if (body !== undefined) {
    // openapi-fetch's lowest-priority JSON Content-Type; a header set to null removes it, and then
    // fetch gives a text body its own default.
    headers = mergedHeaders(JSON_CONTENT_TYPE, target, request.headers, params.header);
    headers["content-type"] ??= "text/plain;charset=UTF-8";
  }
  for (const [name, value] of DEFAULT_REQUEST_HEADERS) if (!(name in headers)) headers[name] = value;

  const flat: string[] = [];
  for (const name in headers) flat.push(name, headers[name] as string);
  return { origin: target.origin, path, method, headers: flat, body };
}
