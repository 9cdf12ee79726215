// Enfuce delivers at least once, so the same notification can arrive twice, on any instance. A
// deduplication store makes the handling exactly-once while it answers: a call first claims the
// delivery id for a lease; once your code succeeded the id is marked handled (kept for the store's
// retention), after a failure it is released, and if the instance dies in between the lease runs
// out and a redelivery is handled again. The default keeps ids in this process's memory; a shared
// store (`@enfuce-sdk/redis`) covers several instances.
import { BoundedMap, DEFAULT_MEMORY_ENTRIES } from "./bounded-map";

/** What a claim found: the id is now this call's, another call holds it, or it was handled already. */
export type ClaimResult = "claimed" | "in-progress" | "handled";

export interface Claim {
  /** Milliseconds the claim holds unless completed or released; after that the id may be claimed again. */
  readonly leaseMs: number;
  /** Unique to the claiming call, so that a release never frees a claim another call took after the lease ran out. */
  readonly owner: string;
}

export interface DeduplicationStore {
  /**
   * Claims `id` atomically (one step: check and take). A store written for the earlier contract
   * may answer `true` (claimed) or `false` (taken before; acknowledged without your code).
   */
  claim(id: string, claim: Claim): ClaimResult | boolean | PromiseLike<ClaimResult | boolean>;
  /** Marks `id` handled after your code succeeded. A store without it keeps the claim as the record. */
  complete?(id: string, owner: string): void | PromiseLike<void>;
  /** Frees `id` after your code failed on it, so that the redelivery is handled again; only `owner`'s claim. */
  release(id: string, owner: string): void | PromiseLike<void>;
}

export const DEFAULT_DEDUPLICATION_ENTRIES = DEFAULT_MEMORY_ENTRIES;

/** A claim past its lease counts as absent; `HANDLED` marks a completed id. */
const HANDLED = 0;
type Entry = { readonly owner: string; readonly until: number } | typeof HANDLED;

/**
 * Remembers the last `maxEntries` ids (default `DEFAULT_DEDUPLICATION_ENTRIES`) of one process;
 * older ones are forgotten first. Enough for a single instance; several instances need a shared store.
 */
export function createMemoryDeduplicationStore(options: { readonly maxEntries?: number } = {}): DeduplicationStore {
  const entries = new BoundedMap<Entry>(options.maxEntries);
  return {
    claim(id, { leaseMs, owner }) {
      const entry = entries.get(id);
      if (entry === HANDLED) return "handled";
      const now = performance.now();
      if (entry !== undefined && entry.until > now) return "in-progress";
      entries.set(id, { owner, until: now + leaseMs });
      return "claimed";
    },
    complete(id) {
      entries.set(id, HANDLED);
    },
    release(id, owner) {
      const entry = entries.get(id);
      if (entry !== undefined && entry !== HANDLED && entry.owner === owner) entries.delete(id);
    },
  };
}
