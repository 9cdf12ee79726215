// What other workspace tools (mock, release, docs) reuse from codegen.
export { createAjv, problemsAt } from "./ajv.mjs";
export { loadSpec } from "./load-spec.mjs";
export { clientFactoryName, packageName, webhookSenderName } from "./names.mjs";
export { operationIndex } from "./operations.mjs";
export { describePaging } from "./paging.mjs";
export { escapePointer, resolvePointer, resolveRef } from "./refs.mjs";
export { repeatabilityOf } from "./repeatability.mjs";
export { PUBLISHED_LAYOUT } from "./scaffold.mjs";
export { eachOperation, hasOperations, listOperations, METHODS, operationKey, parametersOf } from "./walk.mjs";
export { webhookOperations } from "./webhook-operations.mjs";
