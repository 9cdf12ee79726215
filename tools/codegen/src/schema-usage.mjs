// Which component schemas a user sends (input) and which they receive (output), found by following
// $refs from the operations. A change to a schema means different things on each side: a newly
// required field breaks a caller that builds the object, not one that reads it.
import { resolvePointer } from "./refs.mjs";
import { eachOperation } from "./walk.mjs";

const SCHEMA_REF = "#/components/schemas/";

function collect(doc, node, side, usage, seen) {
  if (node === null || typeof node !== "object") return;
  if (typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
    if (seen.has(node.$ref)) return;
    seen.add(node.$ref);
    if (node.$ref.startsWith(SCHEMA_REF)) {
      const name = node.$ref.slice(SCHEMA_REF.length).split("/")[0];
      if (!usage.has(name)) usage.set(name, new Set());
      usage.get(name).add(side);
    }
    collect(doc, resolvePointer(doc, node.$ref), side, usage, seen);
  }
  for (const value of Object.values(node)) collect(doc, value, side, usage, seen);
}

/**
 * @param {"paths"|"webhooks"} section webhooks are calls Enfuce makes to the user, so their sides swap
 * @returns {Map<string, Set<"input"|"output">>} component schema name -> the sides it is used on
 */
export function schemaUsage(doc, section) {
  const usage = new Map();
  const [requestSide, responseSide] = section === "webhooks" ? ["output", "input"] : ["input", "output"];
  eachOperation(doc, section, ({ pathItem, operation }) => {
    const inputs = [pathItem.parameters, operation.parameters, operation.requestBody];
    for (const node of inputs) collect(doc, node, requestSide, usage, new Set());
    collect(doc, operation.responses, responseSide, usage, new Set());
  });
  return usage;
}
