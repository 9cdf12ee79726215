// Every answer a receiver sends, as status + JSON text. Refusals carry a short reason and, for
// invalid payloads, the offending fields; never a stack trace, a header or a payload value.
import { isDeeplyFrozen } from "./frozen";
import { problemsOf } from "./problems";
import type { CompiledValidator, FieldProblem } from "./types";

export interface Answer {
  readonly status: number;
  /** JSON text, or "" for an answer without a body. */
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const refusal = (status: number, error: string, headers?: Record<string, string>): Answer => ({
  status,
  body: JSON.stringify({ error }),
  ...(headers ? { headers } : {}),
});

export const NOT_FOUND = refusal(404, "no webhook at this path");
export const UNAUTHORIZED = refusal(401, "missing or wrong credentials", {
  "www-authenticate": 'Basic realm="enfuce-webhook", charset="UTF-8"',
});
export const TOO_LARGE = refusal(413, "the body is larger than this receiver accepts");
export const UNSUPPORTED_TYPE = refusal(415, "the body must be application/json (UTF-8)");
export const NOT_PROCESSED = refusal(500, "the call was not processed");
export const INTERNAL_ERROR = refusal(500, "internal error");

export const methodNotAllowed = (allowed: string): Answer =>
  refusal(405, "method not allowed at this path", { allow: allowed });

export const invalidPayload = (problems: readonly FieldProblem[]): Answer => ({
  status: 400,
  body: JSON.stringify({ error: "the payload does not match the spec", problems }),
});

export const emptyAnswer = (status: number): Answer => ({ status, body: "" });

/** The answer for a body; undefined if it cannot be written as JSON (a cycle, a BigInt). */
export function jsonAnswer(status: number, body: unknown): Answer | undefined {
  try {
    const text = JSON.stringify(body);
    return typeof text === "string" ? { status, body: text } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers already checked and written for values that can never change (isDeeplyFrozen), each with
 * the validator that accepted it. A decision kept in a frozen constant is checked and written once,
 * as a fixed answer would be; checking and writing it again cost a call about 5,000 instructions.
 */
const writtenOnce = new WeakMap<object, { readonly validate: CompiledValidator; readonly answer: Answer }>();
// A value frozen anew for every call (Immer, for one, freezes what it produces) would be walked and
// kept on every call for nothing. Constants are few: past this many, no other value is taken.
const MAX_WRITTEN_ONCE = 64;
let writtenOnceCount = 0;

/** The JSON answer for `value` once `validate` accepts it, or the problems that keep it from being sent. */
export function validAnswer(validate: CompiledValidator, status: number, value: unknown): Answer | FieldProblem[] {
  const frozen = typeof value === "object" && value !== null && Object.isFrozen(value);
  if (frozen) {
    const written = writtenOnce.get(value);
    if (written?.validate === validate && written.answer.status === status) return written.answer;
  }
  if (!validate(value)) return problemsOf(validate, [], value);
  const answer = jsonAnswer(status, value);
  if (!answer) return [{ field: "", message: "cannot be written as JSON" }];
  if (frozen && writtenOnceCount < MAX_WRITTEN_ONCE && isDeeplyFrozen(value)) {
    writtenOnce.set(value, { validate, answer });
    writtenOnceCount++;
  }
  return answer;
}

// Enfuce's redelivery policy is not documented; a 503 with Retry-After is the common "try again later".
const RETRY_SOON = { "retry-after": "1" };
/** Another call (on this or another instance) is processing the same delivery. */
export const IN_PROGRESS = refusal(503, "the call is being processed; deliver it again later", RETRY_SOON);
/** The deduplication store is unavailable, so the call was not processed. */
export const STORE_UNAVAILABLE = refusal(503, "the call was not processed; deliver it again later", RETRY_SOON);
