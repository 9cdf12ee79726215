// `x-idempotency-key` as the docs describe it: a successful answer is kept for 24 hours (sandbox
// time) and replayed for the same key without doing anything again; errors are not kept, so a
// retry after an error is processed again. The same key with a different request is refused.
import type { Answer } from "./handler";

const KEPT_MS = 24 * 60 * 60 * 1000;

interface Entry {
  readonly fingerprint: string;
  readonly answer: Answer;
  readonly expiresAt: number;
}

/** JSON with sorted keys, so the same body written in another member order is the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

export type Lookup = { readonly replay: Answer } | { readonly conflict: true } | undefined;

export class IdempotencyCache {
  readonly #entries = new Map<string, Entry>();

  lookup(scope: string, key: string, fingerprint: string, now: number): Lookup {
    const entry = this.#entries.get(`${scope}\u0000${key}`);
    if (!entry || entry.expiresAt <= now) return undefined;
    return entry.fingerprint === fingerprint ? { replay: entry.answer } : { conflict: true };
  }

  remember(scope: string, key: string, fingerprint: string, answer: Answer, now: number): void {
    this.#entries.set(`${scope}\u0000${key}`, { fingerprint, answer, expiresAt: now + KEPT_MS });
  }

  clear(): void {
    this.#entries.clear();
  }
}
