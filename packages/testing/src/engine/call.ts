// Reads a raw HTTP request into the typed parameters and body of its operation, the way a server
// generated from the spec would: path, query and header values coerced to the types their schemas
// name (only where the text is unambiguous, so the validator still reports a wrong type), form-style
// exploded objects gathered from their members, JSON parsed.
import type { ParameterFact } from "@enfuce-sdk/core";
import type { Operation } from "./router";

export interface Parameters {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly header: Record<string, unknown>;
}

/** One request to one operation, as a handler sees it. */
export interface OperationCall {
  readonly operation: Operation;
  readonly method: string;
  /** The request path, without the query. */
  readonly path: string;
  readonly params: Parameters;
  /** The parsed JSON body; undefined when there is none. */
  readonly body: unknown;
  /** The body as sent, to compare repeated idempotent requests. */
  readonly rawBody: string;
}

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** The value a server would bind: a number, a boolean or the text as it came. */
export function coerce(text: string, types: readonly string[]): unknown {
  if (types.length === 0 || types.includes("string")) return text;
  if ((types.includes("integer") || types.includes("number")) && NUMBER.test(text)) return Number(text);
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}

function readQueryParameter(fact: ParameterFact, query: URLSearchParams): unknown {
  if (fact.members) {
    const entries = fact.members.filter((member) => query.has(member)).map((member) => [member, query.get(member)]);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (!query.has(fact.name)) return undefined;
  if (fact.types.includes("array")) {
    // Form style: repeated names (explode) or one comma-separated value.
    const values = query.getAll(fact.name).flatMap((value) => value.split(","));
    return values.map((value) => coerce(value, fact.itemTypes ?? []));
  }
  return coerce(query.get(fact.name) as string, fact.types);
}

export function readParameters(
  operation: Operation,
  pathParams: Record<string, string>,
  url: URL,
  headers: Headers,
): Parameters {
  const params: Parameters = { path: {}, query: {}, header: {} };
  for (const fact of operation.facts.parameters) {
    let value: unknown;
    if (fact.in === "path")
      value = pathParams[fact.name] === undefined ? undefined : coerce(pathParams[fact.name] as string, fact.types);
    else if (fact.in === "query") value = readQueryParameter(fact, url.searchParams);
    else if (fact.in === "header") {
      const text = headers.get(fact.name);
      value = text === null ? undefined : coerce(text, fact.types);
    }
    if (value !== undefined && fact.in !== "cookie") params[fact.in][fact.name] = value;
  }
  return params;
}

/** The JSON body, or a reason it cannot be read. */
export function parseBody(text: string): { value: unknown } | { problem: string } {
  if (text === "") return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { problem: "the request body is not valid JSON" };
  }
}
