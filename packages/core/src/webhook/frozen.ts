// Whether a value can never change, so that what was checked and written for it once holds for
// every later call that answers it: primitives, and frozen plain objects and arrays whose members
// are all such values. An accessor or a toJSON method could answer differently each time.

/** Deeper than this is taken as a cycle, which JSON could not write anyway. */
const MAX_DEPTH = 64;

export function isDeeplyFrozen(value: unknown, depth = 0): boolean {
  if (typeof value === "function") return false;
  if (typeof value !== "object" || value === null) return true;
  if (depth > MAX_DEPTH || !Object.isFrozen(value) || "toJSON" in value) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) return false;
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) {
    if (!("value" in descriptor) || !isDeeplyFrozen(descriptor.value, depth + 1)) return false;
  }
  return true;
}
