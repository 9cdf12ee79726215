// Checks a value against one component schema of a domain's spec, with the same validator setup
// as the example lint: how a test proves a runtime constraint (a length, a pattern, a union's
// catch-all) is in the spec, not only in the types generated from it.
import { specPath } from "@enfuce-sdk/workspace";
import { createAjv, problemsAt } from "./ajv.mjs";
import { loadSpec } from "./load-spec.mjs";
import { escapePointer } from "./refs.mjs";

/**
 * @returns {Promise<(schemaName: string, value: unknown) => string[]>} a checker answering one
 *   message per violation (`<instancePath> <message>`), an empty list when the value is valid
 */
export async function loadSchemaValidator(domain) {
  const doc = await loadSpec(specPath(domain));
  const ajv = createAjv();
  ajv.addSchema(doc, "spec");
  return (schemaName, value) => {
    if (!doc.components?.schemas?.[schemaName]) throw new Error(`specs/${domain}.yaml has no schema ${schemaName}`);
    return problemsAt(ajv, `spec#/components/schemas/${escapePointer(schemaName)}`, value);
  };
}
