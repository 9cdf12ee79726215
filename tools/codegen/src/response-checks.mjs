// The response checks of a package's `validators` entry, which `validateResponses` runs (the core's
// validation/): per operation and documented 2xx status, the validator of the answer in received
// form (open enums and inferred constraints left out, as receivers check payloads: it fails only on
// a real mismatch) and the answer's drift node (drift-nodes.mjs: what the spec documents there).
// The validators join the entry's one module (operation-validators.mjs): where the received form
// of an answer is its documented form, the sandbox's validator is the one used. Error answers are
// not checked.
import { createDriftNodes } from "./drift-nodes.mjs";
import { createRoots } from "./operation-validators.mjs";
import { resolveRef } from "./refs.mjs";
import { eachOperation, operationKey } from "./walk.mjs";

const JSON_MEDIA = "application/json";
const SUCCESS = /^(2\d\d|2XX)$/;
const jsonSchemaOf = (doc, response) => resolveRef(doc, response)?.content?.[JSON_MEDIA]?.schema;

/**
 * @param {object} doc the bundled spec
 * @param {object} received the same spec in received form, as tolerance.mjs's receivedComponents makes it
 * @param {(schema: object) => boolean} isOpenEnum whether an enum schema of `doc` takes values it does not list
 * @param {ReturnType<typeof createRoots>} [moduleRoots] the roots of the module the validators join
 * @returns {{ roots: Record<string, object>, checks: Record<string, Record<string, {received: string|null, drift: string|null}>>, nodes: Record<string, object> }}
 *   roots: validator name -> schema; checks: `METHOD /path` -> status -> names; nodes: drift nodes
 */
export function describeResponseChecks(doc, received, isOpenEnum, moduleRoots = createRoots()) {
  const drift = createDriftNodes(doc, isOpenEnum);
  const checks = {};
  eachOperation(doc, "paths", ({ key, method, operation }) => {
    const own = {};
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if (!SUCCESS.test(status)) continue;
      const schema = jsonSchemaOf(doc, response);
      if (!schema) {
        own[status] = { received: null, drift: null };
        continue;
      }
      const receivedSchema = jsonSchemaOf(received, received.paths[key][method].responses[status]);
      own[status] = {
        received: moduleRoots.rootFor(`${operation.operationId}Received${status}`, receivedSchema),
        drift: drift.nodeOf(schema, `${operation.operationId} ${status}`),
      };
    }
    checks[operationKey(method, key)] = own;
  });
  return { roots: moduleRoots.roots, checks, nodes: drift.nodes() };
}

/** The TypeScript of the entry's `responseChecks` and `driftNodes`; `validators` is the compiled module. */
export function renderResponseChecks({ checks, nodes }) {
  const entries = Object.entries(checks).map(([key, statuses]) => {
    const byStatus = Object.entries(statuses).map(
      ([status, check]) =>
        `${JSON.stringify(status)}: { received: ${check.received ? `validators.${check.received}` : "null"}, drift: ${JSON.stringify(check.drift)} }`,
    );
    return `  ${JSON.stringify(key)}: { ${byStatus.join(", ")} },`;
  });
  return `/** Per operation and documented 2xx status: the answer's tolerant validator and drift node, for \`validateResponses\`. */
export const responseChecks: ResponseChecks["responseChecks"] = {
${entries.join("\n")}
};

/** Where the spec documents each answer's members and open values. */
export const driftNodes: ResponseChecks["driftNodes"] = ${JSON.stringify(nodes, null, 2)};
`;
}
