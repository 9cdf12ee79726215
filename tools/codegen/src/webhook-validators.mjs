// Which validators a webhook receiver needs: the request, each alternative of a top-level union
// (so a refusal can name the closest one), and the answer. validator-module.mjs compiles them.
// Requests, which Enfuce sends, are checked in their received form (tolerance.mjs: open enums and
// inferred constraints left out); answers, which the user writes, against the full schema.
import { receivedComponents, unionBranches } from "./tolerance.mjs";
import { webhookOperations } from "./webhook-operations.mjs";

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

/**
 * @returns {{doc: object, roots: Record<string, object>}} the spec to compile against (its components
 *   and their received forms) and validator name -> schema, for every webhook operation
 */
export function webhookValidatorRoots(doc, operations) {
  const { doc: checked, received } = receivedComponents(doc);
  const receivedOperations = new Map(
    webhookOperations(received).map((operation) => [operation.operationId, operation]),
  );
  const roots = {};
  for (const operation of operations) {
    const names = validatorNames(doc, operation);
    const { requestSchema } = receivedOperations.get(operation.operationId);
    if (names.request) roots[names.request] = requestSchema;
    const branches = unionBranches(checked, requestSchema);
    names.branches.forEach((name, index) => {
      roots[name] = branches[index];
    });
    if (names.response) roots[names.response] = operation.responseSchema;
  }
  return { doc: checked, roots };
}
