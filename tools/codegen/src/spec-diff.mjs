// Compares two bundled versions of a spec and proposes the semantic bump of its package.
// api-smart-diff finds the changes (it resolves $refs, matches parameters by name and enum values by
// value, and reports each change under every operation it reaches); bump-rules.mjs judges them,
// because its own breaking/non-breaking labels are about the wire, not about a typed client.
import { hashSpec } from "@enfuce-sdk/workspace";
import { apiCompare } from "api-smart-diff";
import { classifyDiff, higher, LEVELS } from "./bump-rules.mjs";
import { schemaUsage } from "./schema-usage.mjs";

const mergeUsage = (...maps) => {
  const merged = new Map();
  for (const map of maps) {
    for (const [name, sides] of map) merged.set(name, new Set([...(merged.get(name) ?? []), ...sides]));
  }
  return merged;
};

/**
 * @returns {{level: "none"|"patch"|"minor"|"major", changes: {level: string, text: string, where: string[]}[]}}
 *   changes sorted most severe first, each listing every place it was seen
 */
export function compareSpecs(before, after) {
  if (hashSpec(before) === hashSpec(after)) return { level: "none", changes: [] };
  // apiCompare rewrites the documents it is given (it merges allOf in place).
  const { diffs, merged } = apiCompare(structuredClone(before), structuredClone(after));
  const context = {
    merged,
    webhookUsage: mergeUsage(schemaUsage(before, "webhooks"), schemaUsage(after, "webhooks")),
    coveredByPaths: new Set([...schemaUsage(before, "paths").keys(), ...schemaUsage(after, "paths").keys()]),
  };
  const grouped = new Map();
  for (const diff of diffs) {
    const change = classifyDiff(diff, context);
    if (!change) continue;
    const key = `${change.level}\u0000${change.text}`;
    const entry = grouped.get(key) ?? { level: change.level, text: change.text, where: [] };
    if (!entry.where.includes(change.where)) entry.where.push(change.where);
    grouped.set(key, entry);
  }
  const changes = [...grouped.values()].sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level));
  // The documents differ, so something changed even when no rule named it (a reordering, a component
  // only referenced from another component): never let that pass without a release.
  if (changes.length === 0)
    changes.push({ level: "patch", text: "Reworked the spec without changing the API", where: [] });
  return { level: changes.map((change) => change.level).reduce(higher, "none"), changes };
}
