/** What codegen tells the core about one operation (see tools/codegen/src/operations.mjs). */
export interface OperationMeta {
  readonly operationId: string;
  readonly deprecated?: boolean;
  /** False where the operation takes no `auditUser` (the ID callback); the client then sends none. */
  readonly auditUser?: false;
  /** Header that makes a POST/PATCH safe to repeat; the client fills it and reuses it on retries. */
  readonly idempotencyHeader?: string;
  readonly paging?: { readonly sizeMin: number; readonly sizeMax: number | null; readonly sizeDefault: number | null };
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
