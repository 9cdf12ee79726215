// What other workspace tools (mock, release) reuse from codegen.
export { createAjv } from "./ajv.mjs";
export { loadSpec } from "./load-spec.mjs";
export { escapePointer, resolvePointer, resolveRef } from "./refs.mjs";
export { eachOperation, hasOperations, listOperations, METHODS, operationKey, parametersOf } from "./walk.mjs";
