// Contract cases derived from a spec: for every operation, a call built from the documented
// examples and the schema its success answer must match. Each domain package runs them against
// Prism, so every operation of every spec is exercised through the typed client.
import { createAjv, escapePointer, loadSpec, resolveRef } from "@enfuce-sdk/codegen";
import { inject } from "vitest";
import { specFile } from "./index.mjs";

/** Base URL of the Prism mock that the global setup started for this package's spec. */
export const mockUrl = () => inject("mockUrl");

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

const pointerOf = (ref) => ref.slice(1);

function exampleOf(doc, holder) {
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

/** @returns {Promise<Array<{name: string, method: string, path: string, params: object, body: unknown, successStatuses: string[], validate: (data: unknown) => string[]}>>} */
export async function contractCases(domain) {
  const doc = await loadSpec(specFile(domain));
  const ajv = createAjv();
  ajv.addSchema(doc, "spec");
  const cases = [];
  for (const [path, pathItem] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const params = { path: {}, query: {}, header: {} };
      for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) =>
        resolveRef(doc, p),
      )) {
        if (!parameter.required || parameter.name === "auditUser") continue;
        params[parameter.in][parameter.name] = exampleOf(doc, parameter);
      }
      const content = resolveRef(doc, operation.requestBody)?.content ?? {};
      const media = content["application/json"] ?? Object.values(content)[0];
      const successStatuses = Object.keys(operation.responses ?? {}).filter((code) => /^2/.test(code));
      const success = successStatuses.map((code) => [code, resolveRef(doc, operation.responses[code])]);
      const validate = (status, data) => {
        const entry = success.find(([code]) => code === String(status)) ?? success.find(([code]) => code === "2XX");
        const schemaRef =
          entry && Object.keys(entry[1]?.content ?? {}).length > 0
            ? pointerForSchema(doc, operation, entry[0])
            : undefined;
        if (!schemaRef) return [];
        const validator = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
        return validator(data) ? [] : validator.errors.map((error) => `${error.instancePath} ${error.message}`);
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
    }
  }
  return cases;
}

// The JSON pointer of a response's JSON schema inside the bundled document, for ajv's $ref.
function pointerForSchema(doc, operation, status) {
  const response = operation.responses[status];
  const base = response.$ref ? pointerOf(response.$ref) : undefined;
  const target = resolveRef(doc, response);
  const mediaType = Object.keys(target.content).find((type) => type.includes("json")) ?? Object.keys(target.content)[0];
  if (base) return `spec#${base}/content/${escapePointer(mediaType)}/schema`;
  const [path, method] = findOperation(doc, operation);
  return `spec#/paths/${escapePointer(path)}/${method}/responses/${status}/content/${escapePointer(mediaType)}/schema`;
}

function findOperation(doc, operation) {
  for (const [path, pathItem] of Object.entries(doc.paths)) {
    for (const method of METHODS) if (pathItem[method] === operation) return [path, method];
  }
  throw new Error(`operation ${operation.operationId} not found`);
}
