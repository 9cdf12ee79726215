// An authorisation Enfuce delivers again (it got no answer in time) must get the decision already
// given, from whichever instance receives it, without your code deciding a second time. A decision
// store retains each answered decision by authorisation id. The default keeps them in this
// process's memory; a shared store (`@enfuce-sdk/redis`) covers several instances.
import { BoundedMap, DEFAULT_MEMORY_ENTRIES } from "./bounded-map";

export interface DecisionStore {
  /** The decision retained for `id` (the JSON text that was answered), or nothing. */
  recall(id: string): string | null | undefined | PromiseLike<string | null | undefined>;
  /**
   * Retains `decision` for `id` unless one is retained already, atomically, and returns the one
   * retained: the first decision stored for an id is the one every instance answers.
   */
  retain(id: string, decision: string): string | PromiseLike<string>;
}

export const DEFAULT_DECISION_ENTRIES = DEFAULT_MEMORY_ENTRIES;

/** Retains the last `maxEntries` decisions (default `DEFAULT_DECISION_ENTRIES`) of one process. */
export function createMemoryDecisionStore(options: { readonly maxEntries?: number } = {}): DecisionStore {
  const decisions = new BoundedMap<string>(options.maxEntries);
  // Most decisions repeat the one before (an approval like the last): retaining the text already
  // kept instead of each call's own copy leaves only the key of an entry to outlive the young
  // generation.
  let previous = "";
  return {
    recall: (id) => decisions.get(id),
    retain(id, decision) {
      if (decision !== previous) previous = decision;
      return decisions.setIfAbsent(id, previous);
    },
  };
}
