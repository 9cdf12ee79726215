// A request the real API would refuse, and the answer it gets: the documented status for the kind
// of refusal (a spec that documents no 404 gets its documented 400) and Enfuce's error body, whose
// message names the field at fault.

/** Kinds of refusal; each maps to the status the operation documents for it. */
export type RefusalKind = "invalid" | "not-found" | "conflict" | "unauthorized";

/** Thrown by a handler (or the engine) before it changes any state: the request is refused. */
export class Refusal extends Error {
  override name = "Refusal";
  readonly kind: RefusalKind;
  /** The offending field or parameter, if one is at fault. */
  readonly field: string | undefined;

  constructor(kind: RefusalKind, message: string, field?: string) {
    super(message);
    this.kind = kind;
    this.field = field;
  }
}

export const invalid = (field: string | undefined, message: string) => new Refusal("invalid", message, field);
export const notFound = (what: string, field?: string) => new Refusal("not-found", `${what} does not exist`, field);
export const conflict = (message: string, field?: string) => new Refusal("conflict", message, field);

// Preferred statuses per kind, first documented wins; 400 is documented on (nearly) every operation.
const STATUSES: Record<RefusalKind, readonly number[]> = {
  invalid: [400, 422],
  "not-found": [404, 400],
  conflict: [409, 400, 422],
  unauthorized: [401],
};

/** The status an operation documents for this kind of refusal (400 when it documents none of them). */
export function statusFor(kind: RefusalKind, documented: readonly string[]): number {
  const candidates = STATUSES[kind];
  return candidates.find((status) => documented.includes(String(status))) ?? (candidates[0] as number);
}

export interface ErrorBody {
  readonly code: number;
  readonly message: string;
  readonly id: string;
  readonly errorCode: string;
  readonly errorType?: string;
  readonly errorReason: string;
  readonly timestamp: string;
}

/** Enfuce's error body (`specs/common/errors.yaml`); only the documented `errorType` is ever given. */
export function errorBody(
  status: number,
  text: { readonly summary: string; readonly reason: string; readonly type?: string },
  id: string,
  timestamp: string,
): ErrorBody {
  return {
    code: status,
    message: `${text.summary}: ${text.reason}`,
    id,
    errorCode: String(status),
    ...(text.type !== undefined && { errorType: text.type }),
    errorReason: text.reason,
    timestamp,
  };
}

const SUMMARIES: Record<RefusalKind, string> = {
  invalid: "Validation failed",
  "not-found": "Not found",
  conflict: "Request refused",
  unauthorized: "Unauthorized",
};

/** The error body of a refusal; a validation failure carries the documented `STATIC_VALIDATION_ERROR`. */
export const refusalBody = (status: number, refusal: Refusal, id: string, timestamp: string): ErrorBody =>
  errorBody(
    status,
    {
      summary: SUMMARIES[refusal.kind],
      reason: refusal.message,
      ...(refusal.kind === "invalid" && { type: "STATIC_VALIDATION_ERROR" }),
    },
    id,
    timestamp,
  );
