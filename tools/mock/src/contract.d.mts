export interface ContractCase {
  /** `METHOD /path (operationId)` */
  readonly name: string;
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
  readonly path: string;
  readonly params: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> };
  readonly body: unknown;
  /** Documented success codes, e.g. `["200"]` or `["2XX"]`. */
  readonly successStatuses: readonly string[];
  /** Schema violations of a success answer; empty when it matches the spec. */
  readonly validate: (status: number, data: unknown) => string[];
}

export function contractCases(domain: string): Promise<ContractCase[]>;

/** Base URL of the Prism mock that the global setup started for this package's spec. */
export function mockUrl(): string;
