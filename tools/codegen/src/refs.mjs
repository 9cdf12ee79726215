// JSON Pointer helpers for bundled specs, where every $ref is local (`#/...`).

export const escapePointer = (key) => String(key).replaceAll("~", "~0").replaceAll("/", "~1");
const unescapePointer = (key) => key.replaceAll("~1", "/").replaceAll("~0", "~");

/** The node a local `$ref` (`#/components/...`) names, one step: a `$ref` found there is not followed. */
export function resolvePointer(doc, ref) {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .reduce((value, key) => value?.[unescapePointer(key)], doc);
}

/** Follows `$ref`s (a bounded number, so a cycle cannot hang) to the node they name. */
export function resolveRef(doc, node) {
  let current = node;
  for (let depth = 0; current?.$ref && depth < 20; depth++) current = resolvePointer(doc, current.$ref);
  return current;
}
