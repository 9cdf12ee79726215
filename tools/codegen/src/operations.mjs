// Reads the run-time facts the core needs about each operation out of a bundled spec:
// idempotency header, paging (paging.mjs) and filter fields. Nothing at run time reads YAML.
import { pagingOf } from "./paging.mjs";
import { resolveRef as resolve } from "./refs.mjs";
import { eachOperation, operationKey, parametersOf } from "./walk.mjs";

function filterOf(doc, parameters) {
  const parameter = parameters.find((p) => p.in === "query" && p["x-enfuce-filter"]);
  if (!parameter) return undefined;
  const spec = parameter["x-enfuce-filter"];
  const fields = {};
  for (const [field, schema] of Object.entries(spec.fields ?? {})) {
    fields[field] = resolve(doc, schema)?.enum ?? null;
  }
  return { parameter: parameter.name, operators: spec.operators, fields };
}

/** @returns {Record<string, object>} keyed by `METHOD /path` */
export function operationIndex(doc) {
  const index = {};
  eachOperation(doc, "paths", (visit) => {
    const { key: path, method, operation } = visit;
    const parameters = parametersOf(doc, visit);
    const idempotency = parameters.find((p) => p.in === "header" && p.name.toLowerCase() === "x-idempotency-key");
    const entry = { operationId: operation.operationId };
    if (!parameters.some((p) => p.in === "query" && p.name === "auditUser")) entry.auditUser = false;
    if (operation.deprecated) entry.deprecated = true;
    if (idempotency) entry.idempotencyHeader = idempotency.name;
    const paging = pagingOf(doc, parameters, operation, `${operationKey(method, path)} (${operation.operationId})`);
    if (paging) entry.paging = paging;
    const filter = filterOf(doc, parameters);
    if (filter) entry.filter = filter;
    index[operationKey(method, path)] = entry;
  });
  return index;
}

/** The documented server with `{environment}` and `{realm}` left for the client to fill. */
export function serverUrlOf(doc) {
  const servers = doc.servers ?? [];
  const templated = servers.find((server) => server.url.includes("{environment}")) ?? servers[0];
  return (templated?.url ?? "").replace(/\/$/, "");
}
