// Reads the run-time facts the core needs about each operation out of a bundled spec:
// idempotency header, paging and filter fields. Nothing at run time reads YAML.
import { resolveRef as resolve } from "./refs.mjs";
import { eachOperation, operationKey, parametersOf } from "./walk.mjs";

function pagingOf(doc, parameters, operation) {
  const page = parameters.find((p) => p.in === "query" && p.name === "page");
  const size = parameters.find((p) => p.in === "query" && p.name === "size");
  if (!page || !size) return undefined;
  const content = resolve(doc, operation.responses?.["200"])?.content?.["application/json"];
  const body = resolve(doc, content?.schema);
  if (!body?.properties?.pagination || !body?.properties?.data) return undefined;
  const sizeSchema = resolve(doc, size.schema) ?? {};
  return {
    sizeMin: sizeSchema.minimum ?? 1,
    sizeMax: sizeSchema.maximum ?? null,
    sizeDefault: sizeSchema.default ?? null,
  };
}

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
    const paging = pagingOf(doc, parameters, operation);
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
