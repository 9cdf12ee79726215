// The idempotency step: an operation whose spec declares an idempotency header gets one key per
// call (the caller's or a generated one), sent on every attempt, which makes the call safe to
// repeat. Where the spec knows the operation and declares none, a key proves nothing (Enfuce is not
// documented to deduplicate there), so it is refused before anything is sent rather than sent and
// trusted. An operation the spec does not know yet (`client.request`) sends the caller's key, if
// any, as `x-idempotency-key`, but the key proves nothing there either.
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
  checkKey(call, idempotencyKey);
  if (declaredHeader === undefined) {
    const given = idempotencyKey ?? headerValue(header, IDEMPOTENCY_HEADER) ?? headerValue(headers, IDEMPOTENCY_HEADER);
    if (given !== undefined) throw undeclaredKey(call, idempotencyKey !== undefined);
    return false;
  }
  placeKey(call, declaredHeader, idempotencyKey as string | undefined, true, header, headers);
  return true;
}

/**
 * The key of a call to an operation the spec does not know: the caller's, sent on every attempt, or
 * none (nothing is generated). Returns false: no key makes such a call safe to repeat.
 */
export function applyUnknownOperationKey(
  call: CallSite,
  idempotencyKey: unknown,
  header: Record<string, unknown>,
  headers: unknown,
): false {
  checkKey(call, idempotencyKey);
  placeKey(call, IDEMPOTENCY_HEADER, idempotencyKey as string | undefined, false, header, headers);
  return false;
}

function checkKey(call: CallSite, idempotencyKey: unknown): void {
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== "string" || idempotencyKey === "")) {
    throw new ConfigurationError("idempotencyKey must be a non-empty string", call);
  }
}

/**
 * Puts `key` (or, with `generate`, a new one) under `name`, unless a header of the call holds a key
 * already, which must then be the same.
 */
function placeKey(
  call: CallSite,
  name: string,
  key: string | undefined,
  generate: boolean,
  header: Record<string, unknown>,
  headers: unknown,
): void {
  const lowerCase = name.toLowerCase();
  const given = headerValue(header, lowerCase) ?? headerValue(headers, lowerCase);
  if (given === undefined) {
    const sent = key ?? (generate ? randomUUID() : undefined);
    if (sent !== undefined) header[name] = sent;
  } else if (key !== undefined && given !== key) {
    throw new ConfigurationError("two different idempotency keys were given", call);
  }
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
