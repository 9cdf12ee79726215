import type { CompiledValidator } from "./webhook/types";

/**
 * How a list operation pages (tools/codegen/src/paging.mjs decides it from the spec). Member paths
 * are lists of property names into the answer; `[]` is the answer itself.
 */
export interface Paging {
  /** `page`: `page` from 0 and `size` query parameters; `key`: a continuation key the answer hands back. */
  readonly style: "page" | "key";
  /** Where the items are in a page's answer. */
  readonly items: readonly string[];
  /** The answer may be one item on its own instead of a list: a page of one. */
  readonly single?: true;
  /** Page style: where the answer announces how many pages there are, if it does. */
  readonly pages?: readonly string[];
  /** Key style: the query parameter that takes the key. */
  readonly startKey?: string;
  /** Key style: where the answer carries the key of the next page; absent on the last page. */
  readonly nextKey?: readonly string[];
  readonly sizeMin: number;
  readonly sizeMax: number | null;
  readonly sizeDefault: number | null;
}

/** What codegen tells the core about one operation (see tools/codegen/src/operations.mjs). */
export interface OperationMeta {
  readonly operationId: string;
  readonly deprecated?: boolean;
  /** False where the operation takes no `auditUser` (the ID callback); the client then sends none. */
  readonly auditUser?: false;
  /** Header that makes a POST/PATCH safe to repeat; the client fills it and reuses it on retries. */
  readonly idempotencyHeader?: string;
  readonly paging?: Paging;
  readonly filter?: {
    readonly parameter: string;
    readonly operators: readonly string[];
    /** Allowed values per field; null where the docs allow any value. */
    readonly fields: { readonly [field: string]: readonly string[] | null };
  };
}

/** Generated per domain into `src/generated/spec.ts`. */
export interface DomainSpec {
  readonly domain: string;
  /** The documented server, `{environment}` and `{realm}` still to fill (most domains on cat2, PIN on cat1). */
  readonly serverUrl: string;
  /** Keyed by `METHOD /path/template`. */
  readonly operations: { readonly [methodAndPath: string]: OperationMeta };
}

/**
 * Validators compiled ahead of time for one client operation, generated per domain into the
 * `validators` entry of its package (`@enfuce-sdk/<domain>/validators`); strict, all errors reported.
 */
export interface OperationValidators {
  /** `{ path, query, header }`, header names in lower case, values already typed (numbers, arrays...). */
  readonly parameters: CompiledValidator;
  /** The JSON request body; null where the operation takes none. */
  readonly body: CompiledValidator | null;
  /** Per documented status (`"200"`, `"2XX"`, `"default"`); null where that answer has no JSON body. */
  readonly responses: { readonly [status: string]: CompiledValidator | null };
}

/** How to read one parameter of a raw request. */
export interface ParameterFact {
  /** Header names in lower case. */
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  /** JSON types the schema allows; empty when any. */
  readonly types: readonly string[];
  readonly itemTypes?: readonly string[];
  /** Members of a form-style exploded object, each sent as a query parameter of its own. */
  readonly members?: readonly string[];
  readonly default?: unknown;
}

/** What a simulator of the API needs about one operation, beside the core's facts. */
export interface OperationFacts extends OperationMeta {
  readonly parameters: readonly ParameterFact[];
  /** The request body: whether it is required and whether it is JSON; null where there is none. */
  readonly body: { readonly required: boolean; readonly json: boolean } | null;
  /** Per documented success status, the first documented example, if any. */
  readonly responses: { readonly [status: string]: { readonly example?: unknown } };
}
