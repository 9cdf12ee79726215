// The idempotency step: an operation whose spec declares an idempotency header gets one key per
// call (the caller's or a generated one), sent on every attempt, which makes the call safe to
// repeat. Anywhere else a key proves nothing (Enfuce is not documented to deduplicate there), so it
// is refused before anything is sent rather than sent and trusted.
import { randomUUID } from "node:crypto";
import { type CallSite, ConfigurationError } from "../errors";
import { headerValue } from "./headers";

/** The header Enfuce documents for idempotent writes; the only one a caller could send by hand. */
export const IDEMPOTENCY_HEADER = "x-idempotency-key";

/**
 * Puts the idempotency key into `header` (the call's own copy of `params.header`) and says whether
 * the call carries one. `headers` is the caller's free-form `headers` option.
 */
export function applyIdempotencyKey(
  call: CallSite,
  declaredHeader: string | undefined,
  idempotencyKey: unknown,
  header: Record<string, unknown>,
  headers: unknown,
): boolean {
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== "string" || idempotencyKey === "")) {
    throw new ConfigurationError("idempotencyKey must be a non-empty string", call);
  }
  if (declaredHeader === undefined) {
    const given = idempotencyKey ?? headerValue(header, IDEMPOTENCY_HEADER) ?? headerValue(headers, IDEMPOTENCY_HEADER);
    if (given !== undefined) throw undeclaredKey(call, idempotencyKey !== undefined);
    return false;
  }
  const name = declaredHeader.toLowerCase();
  const given = headerValue(header, name) ?? headerValue(headers, name);
  if (given === undefined) header[declaredHeader] = idempotencyKey ?? randomUUID();
  else if (idempotencyKey !== undefined && given !== idempotencyKey) {
    throw new ConfigurationError("two different idempotency keys were given", call);
  }
  return true;
}

function undeclaredKey(call: CallSite, asOption: boolean): ConfigurationError {
  const what = asOption ? "idempotencyKey was given" : `an ${IDEMPOTENCY_HEADER} header was given`;
  return new ConfigurationError(
    `${what}, but the spec declares no idempotency header for this operation, so nothing says Enfuce ` +
      "deduplicates it and a repeated call could take effect twice. Leave the key out; the call is then " +
      "not repeated after a failure that may have reached Enfuce. Pass `retry: true` only if you know " +
      "repeating this call is safe.",
    call,
  );
}
