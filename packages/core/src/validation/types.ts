// What codegen compiles for checking a domain's answers (the `responseChecks` of the package's
// `validators` entry, @enfuce-sdk/<domain>/validators) and what a check reports.
import type { CompiledValidator } from "../webhook/types";

/**
 * Where an answer's members and open values are documented, one node per schema location: the
 * members an object has there (each with the node of its value), the node of its list items, and
 * the values an open enum lists. A node without `members` checks no member names.
 */
export interface DriftNode {
  readonly members?: { readonly [member: string]: string };
  /** The node of members the spec does not name but allows (`additionalProperties`). */
  readonly otherMembers?: string;
  readonly items?: string;
  readonly values?: readonly string[];
}

/** The checks of one documented answer. */
export interface ResponseCheck {
  /**
   * The answer's schema as a tolerant reader takes it (open enums and inferred constraints left
   * out, as the receivers check payloads): it fails only on a real mismatch. Null where the answer
   * has no JSON body.
   */
  readonly received: CompiledValidator | null;
  /** The node of the answer's body in `driftNodes`, to find what the spec does not say; null where there is none. */
  readonly drift: string | null;
}

/** The `validators` entry of a domain package, as far as response checks go. */
export interface ResponseChecks {
  /** Per operation (`METHOD /path`), per documented 2xx status (`"200"`, `"2XX"`). */
  readonly responseChecks: { readonly [operation: string]: { readonly [status: string]: ResponseCheck } };
  readonly driftNodes: { readonly [name: string]: DriftNode };
}

/** Loads a domain's response checks; generated into its client factory, run on first need. */
export type ResponseChecksLoader = () => Promise<ResponseChecks>;

export type ValidateResponses = "off" | "warn" | "error";

/**
 * A difference between an answer and the spec. `unknown-member` and `unknown-value` are what Enfuce
 * may add before the spec says so (tolerated); `mismatch` is an answer the spec cannot describe
 * (a wrong type, a missing required member); `undocumented-status` a 2xx the operation does not list.
 */
export interface ResponseDrift {
  readonly method: string;
  /** The path template, never the values. */
  readonly path: string;
  readonly operationId: string | undefined;
  readonly status: number;
  /** JSON pointer into the answer (`""` is the whole body), as it was in the first answer that showed it. */
  readonly pointer: string;
  readonly kind: "unknown-member" | "unknown-value" | "mismatch" | "undocumented-status";
  /** What the spec says there; never the value received. */
  readonly message: string;
  /** For an `unknown-value`: the value, when it reads as a code (letters, digits, `_.:-`, at most 64). */
  readonly value?: string;
}
