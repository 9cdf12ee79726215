// Checks the Authorization header of an incoming call in constant time, so that the time taken does
// not tell a caller how much of a guessed password was right.
import { timingSafeEqual } from "node:crypto";
import { authorization, type Credentials } from "../auth";
import { ConfigurationError } from "../errors";

export interface CredentialCheck {
  readonly accepts: (header: string | undefined) => boolean;
  /** What must never appear in a log line. */
  readonly secrets: readonly string[];
}

/** `Basic abc` and `basic  abc` are the same credentials: the scheme is case-insensitive (RFC 9110). */
function normalise(header: string): string {
  const space = header.indexOf(" ");
  if (space === -1) return header;
  return `${header.slice(0, space).toLowerCase()} ${header.slice(space + 1).trim()}`;
}

export function createCredentialCheck(credentials: Credentials | readonly Credentials[]): CredentialCheck {
  const list = Array.isArray(credentials) ? credentials : [credentials];
  if (list.length === 0) throw new ConfigurationError("credentials must not be an empty list");
  const expected = list.map((entry: Credentials) => authorization(entry));
  const expectedBytes = expected.map(({ header }) => Buffer.from(normalise(header), "utf8"));
  return {
    secrets: expected.flatMap(({ header, secrets }) => [header, ...secrets]),
    accepts(header) {
      if (typeof header !== "string") return false;
      const given = Buffer.from(normalise(header), "utf8");
      let accepted = false;
      // Every expected value is compared, so the time does not depend on which one matched.
      for (const candidate of expectedBytes) {
        const sameLength = candidate.length === given.length;
        const equal = timingSafeEqual(candidate, sameLength ? given : candidate) && sameLength;
        accepted = equal || accepted;
      }
      return accepted;
    },
  };
}
