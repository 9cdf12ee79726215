// Enfuce delivers at least once, so the same notification can arrive twice. A store remembers which
// ids were taken; the default keeps the most recent ones in memory, which covers one process. Give a
// shared store (Redis SET NX, a unique index) when several processes receive the same webhook.
import { ConfigurationError } from "../errors";

export interface DeduplicationStore {
  /** Records `id` as taken and returns true, or returns false when it already was. Must be atomic. */
  claim(id: string): boolean | PromiseLike<boolean>;
  /** Forgets `id` after your code failed on it, so that the redelivery is handled again. */
  release(id: string): void | PromiseLike<void>;
}

export const DEFAULT_DEDUPLICATION_ENTRIES = 10_000;

/** Remembers the last `maxEntries` ids (default 10 000); older ones are forgotten first. */
export function createMemoryDeduplicationStore(options: { readonly maxEntries?: number } = {}): DeduplicationStore {
  const maxEntries = options.maxEntries ?? DEFAULT_DEDUPLICATION_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new ConfigurationError("maxEntries must be a positive integer");
  }
  // A Set iterates in insertion order, so its first entry is the oldest.
  const ids = new Set<string>();
  return {
    claim(id) {
      if (ids.has(id)) return false;
      ids.add(id);
      if (ids.size > maxEntries) ids.delete(ids.values().next().value as string);
      return true;
    },
    release(id) {
      ids.delete(id);
    },
  };
}
