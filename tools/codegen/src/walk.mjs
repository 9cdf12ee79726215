// The one walk over a spec's operations that every generator step, the bump rules and the mock's
// contract cases use: a step says what it does with one operation, never how to find them.
import { escapePointer, resolveRef } from "./refs.mjs";

/** The HTTP methods an OpenAPI path item may hold, in the order the OpenAPI specification lists them. */
export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Calls `fn` once per operation of `doc.paths` (calls the user makes) or `doc.webhooks` (calls Enfuce
 * makes to the user), in spec order: paths (or webhook names) as written, methods as in METHODS.
 * @param {object} doc a bundled OpenAPI document
 * @param {"paths"|"webhooks"} section
 * @param {(visit: {key: string, method: string, operation: object, pathItem: object, pointer: string}) => void} fn
 *   key: the path, or the webhook's name; method: lower case; pointer: the operation's JSON pointer in `doc`
 */
export function eachOperation(doc, section, fn) {
  for (const [key, pathItem] of Object.entries(doc[section] ?? {})) {
    for (const method of METHODS) {
      const operation = pathItem?.[method];
      if (!operation) continue;
      fn({ key, method, operation, pathItem, pointer: `/${section}/${escapePointer(key)}/${method}` });
    }
  }
}

/** The visits of `eachOperation`, as a list. */
export function listOperations(doc, section) {
  const visits = [];
  eachOperation(doc, section, (visit) => visits.push(visit));
  return visits;
}

/** Whether the document has at least one operation in `section`: a client for `paths`, a receiver for `webhooks`. */
export const hasOperations = (doc, section) => listOperations(doc, section).length > 0;

/** An operation's key in the generated operation index and the core's DomainSpec: `GET /v1/{id}`. */
export const operationKey = (method, path) => `${method.toUpperCase()} ${path}`;

/** The parameters an operation takes, path-item level first, each `$ref` resolved. */
export const parametersOf = (doc, { pathItem, operation }) =>
  [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => resolveRef(doc, parameter));
