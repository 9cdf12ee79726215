// Which validators a webhook receiver needs: the request, each alternative of a top-level union
// (so a refusal can name the closest one), and the answer. validator-module.mjs compiles them.
import { resolveRef as resolve } from "./refs.mjs";

/** Alternatives of a top-level union: a receiver reports the problems of the closest one only. */
function unionBranches(doc, schema) {
  const target = resolve(doc, schema);
  const branches = target?.oneOf ?? target?.anyOf;
  return Array.isArray(branches) ? branches : [];
}

/** Export names, in a fixed order, of the validators `webhookValidatorRoots` gives one operation. */
export function validatorNames(doc, operation) {
  const id = operation.operationId;
  return {
    request: operation.requestSchema ? `${id}Request` : null,
    branches: operation.requestSchema
      ? unionBranches(doc, operation.requestSchema).map((_, index) => `${id}RequestBranch${index}`)
      : [],
    response: operation.responseSchema ? `${id}Response` : null,
  };
}

/** @returns {Record<string, object>} validator name -> schema, for every webhook operation */
export function webhookValidatorRoots(doc, operations) {
  const roots = {};
  for (const operation of operations) {
    const names = validatorNames(doc, operation);
    if (names.request) roots[names.request] = operation.requestSchema;
    const branches = unionBranches(doc, operation.requestSchema);
    names.branches.forEach((name, index) => {
      roots[name] = branches[index];
    });
    if (names.response) roots[names.response] = operation.responseSchema;
  }
  return roots;
}
