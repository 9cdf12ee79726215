// Checks the Authorization header of an incoming call in constant time, so that the time taken does
// not tell a caller how much of a guessed password was right. Every call of a receiver passes here.
// The usual header is compared first, in one pass (usual-form.ts). Any other (the scheme in another
// case, more blanks, characters past ASCII) is then read in place, a character at a time. Only a
// match returns early, and a match is what the answer tells the caller anyway.
import { authorization, type Credentials } from "../auth";
import { ConfigurationError } from "../errors";
import { codeAt, indexIn } from "./char-codes";
import { type UsualForm, usualFormMatcher, usualFormOf } from "./usual-form";

export interface CredentialCheck {
  readonly accepts: (header: string | undefined) => boolean;
  /** What must never appear in a log line. */
  readonly secrets: readonly string[];
}

/**
 * One accepted header: its scheme in lower case (not secret) and the character codes of the
 * credentials after it, read once here rather than out of a string on every call.
 */
interface Expected {
  readonly scheme: string;
  readonly credentials: Uint16Array;
  readonly usualForm: UsualForm | undefined;
}

const SPACE = 0x20;
const TAB = 0x09;
const isBlank = (code: number) => code === SPACE || code === TAB;

// `Basic abc` and `basic  abc ` are the same credentials: blanks around them are not part of them.
/** Where the credentials start: past the blanks after the scheme's space. */
function credentialsStart(header: string, space: number): number {
  let start = space + 1;
  while (start < header.length && isBlank(codeAt(header, start))) start++;
  return start;
}

/** Where the credentials end: before the blanks that close the header. */
function credentialsEnd(header: string, start: number): number {
  let end = header.length;
  while (end > start && isBlank(codeAt(header, end - 1))) end--;
  return end;
}

/** Whether `header` starts with `scheme` (lower-case letters) in any case: the scheme is case-insensitive (RFC 9110). */
function schemeIs(header: string, end: number, scheme: string): boolean {
  if (end !== scheme.length) return false;
  // Setting bit 0x20 turns an upper-case ASCII letter into its lower case and leaves lower case alone.
  for (let index = 0; index < end; index++) {
    if ((codeAt(header, index) | 0x20) !== codeAt(scheme, index)) return false;
  }
  return true;
}

/**
 * Whether `header[start, end)` equals `expected`, comparing every character of `expected` whatever
 * the differences: the time depends on the lengths only, never on how much of them matches.
 */
function sameCredentials(header: string, start: number, end: number, expected: Uint16Array): boolean {
  const length = end - start;
  let difference = length === expected.length ? 0 : 1;
  for (let index = 0; index < expected.length; index++) {
    const given = index < length ? codeAt(header, start + index) : 0;
    difference |= given ^ (expected[index] as number);
  }
  return difference === 0;
}

/** Read as a received header is, so that a token with blanks around it still matches. */
function expectedOf(header: string): Expected {
  const space = indexIn(header, " ");
  const start = credentialsStart(header, space);
  const scheme = header.slice(0, space);
  const credentials = header.slice(start, credentialsEnd(header, start));
  return {
    scheme: scheme.toLowerCase(),
    credentials: codesOf(credentials),
    usualForm: usualFormOf(`${scheme} ${credentials}`),
  };
}

function codesOf(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let index = 0; index < text.length; index++) codes[index] = codeAt(text, index);
  return codes;
}

export function createCredentialCheck(credentials: Credentials | readonly Credentials[]): CredentialCheck {
  const list = Array.isArray(credentials) ? credentials : [credentials];
  if (list.length === 0) throw new ConfigurationError("credentials must not be an empty list");
  const headers = list.map((entry: Credentials) => authorization(entry));
  const expected = headers.map(({ header }) => expectedOf(header));
  const isUsualForm = usualFormMatcher(expected.flatMap(({ usualForm }) => (usualForm ? [usualForm] : [])));
  return {
    secrets: headers.flatMap(({ header, secrets }) => [header, ...secrets]),
    accepts(header) {
      if (typeof header !== "string") return false;
      if (isUsualForm(header)) return true;
      const space = indexIn(header, " ");
      if (space === -1) return false;
      const start = credentialsStart(header, space);
      const end = credentialsEnd(header, start);
      let accepted = false;
      // Every expected value is compared, so the time does not depend on which one matched.
      for (const candidate of expected) {
        const equal =
          sameCredentials(header, start, end, candidate.credentials) && schemeIs(header, space, candidate.scheme);
        accepted = equal || accepted;
      }
      return accepted;
    },
  };
}
