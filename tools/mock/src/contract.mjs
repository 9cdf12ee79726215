// Contract cases derived from a spec: for every operation, a call built from the documented
// examples and the schema its success answer must match. Each domain package runs them against
// Prism, so every operation of every spec is exercised through the typed client.
import {
  createAjv,
  eachOperation,
  escapePointer,
  loadSpec,
  parametersOf,
  problemsAt,
  resolveRef,
} from "@enfuce-sdk/codegen";
import { specPath } from "@enfuce-sdk/workspace";
import { inject } from "vitest";

/** Base URL of the Prism mock that the global setup started for this package's spec. */
export const mockUrl = () => inject("mockUrl");

/** The value a call sends for a parameter or body: its documented example, else what its schema implies. */
export function exampleOf(doc, holder) {
  if (holder === undefined) return undefined;
  if ("example" in holder) return holder.example;
  const first = Object.values(holder.examples ?? {})[0];
  if (first) return resolveRef(doc, first).value;
  const schema = resolveRef(doc, holder.schema);
  if (schema === undefined) return undefined;
  if ("example" in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ("const" in schema) return schema.const;
  return undefined;
}

/**
 * The JSON pointer, for ajv's `$ref`, of the schema of one success answer of the operation at
 * `operationPointer`; undefined when that answer has no body.
 */
export function responseSchemaRef(doc, operationPointer, operation, status) {
  const response = operation.responses[status];
  const target = resolveRef(doc, response);
  const mediaTypes = Object.keys(target?.content ?? {});
  if (mediaTypes.length === 0) return undefined;
  const mediaType = mediaTypes.find((type) => type.includes("json")) ?? mediaTypes[0];
  const base = response.$ref ? response.$ref.slice(1) : `${operationPointer}/responses/${escapePointer(status)}`;
  return `spec#${base}/content/${escapePointer(mediaType)}/schema`;
}

/** @returns {Promise<import("./contract.d.mts").ContractCase[]>} one case per operation of `paths`, in spec order */
export async function contractCases(domain) {
  const doc = await loadSpec(specPath(domain));
  const ajv = createAjv();
  ajv.addSchema(doc, "spec");
  const cases = [];
  eachOperation(doc, "paths", (visit) => {
    const { key: path, method, operation, pointer } = visit;
    const params = { path: {}, query: {}, header: {} };
    for (const parameter of parametersOf(doc, visit)) {
      if (!parameter.required || parameter.name === "auditUser") continue;
      params[parameter.in][parameter.name] = exampleOf(doc, parameter);
    }
    const content = resolveRef(doc, operation.requestBody)?.content ?? {};
    const media = content["application/json"] ?? Object.values(content)[0];
    const successStatuses = Object.keys(operation.responses ?? {}).filter((code) => /^2/.test(code));
    const validate = (status, data) => {
      const documented =
        successStatuses.find((code) => code === String(status)) ?? successStatuses.find((code) => code === "2XX");
      const schemaRef = documented && responseSchemaRef(doc, pointer, operation, documented);
      return schemaRef ? problemsAt(ajv, schemaRef, data) : [];
    };
    cases.push({
      name: `${method.toUpperCase()} ${path} (${operation.operationId})`,
      method: method.toUpperCase(),
      path,
      params,
      body: media ? exampleOf(doc, media) : undefined,
      successStatuses,
      validate,
    });
  });
  return cases;
}
