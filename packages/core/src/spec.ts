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
