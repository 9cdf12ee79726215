// Compiles each webhook's request and answer schemas ahead of time into ajv standalone code, with the
// formats of the spec lint (ajv.mjs), and bundles the helpers that code requires (format checks,
// ajv runtime functions) into one self-contained script: a receiver never compiles a schema.

import { repoRoot } from "@enfuce-sdk/workspace";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { createAjv } from "./ajv.mjs";
import { resolveRef as resolve } from "./refs.mjs";
import { mapSubschemasUnder } from "./subschemas.mjs";

const ANNOTATIONS = new Set([
  "$comment",
  "deprecated",
  "description",
  "discriminator",
  "example",
  "examples",
  "externalDocs",
  "readOnly",
  "title",
  "writeOnly",
  "xml",
]);
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const mapValues = (object, fn) =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value, key)]));

/** The schema without annotations: smaller generated code that does not change when wording does. */
function assertionsOf(schema) {
  if (!isObject(schema)) return schema;
  const result = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    result[key] = mapSubschemasUnder(key, value, assertionsOf);
  }
  return result;
}

/** Alternatives of a top-level union: a receiver reports the problems of the closest one only. */
function unionBranches(doc, schema) {
  const target = resolve(doc, schema);
  const branches = target?.oneOf ?? target?.anyOf;
  return Array.isArray(branches) ? branches : [];
}

/** Export names, in a fixed order, of the validators `compileWebhookValidators` produces for one operation. */
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
 * @returns {Promise<string>} a script declaring `var validators = { <name>: validateFn, ... }`,
 * deterministic for a given spec and dependency versions
 */
export async function compileWebhookValidators(doc, operations) {
  const roots = {};
  for (const operation of operations) {
    const names = validatorNames(doc, operation);
    if (names.request) roots[names.request] = assertionsOf(operation.requestSchema);
    const branches = unionBranches(doc, operation.requestSchema);
    names.branches.forEach((name, index) => {
      roots[name] = assertionsOf(branches[index]);
    });
    if (names.response) roots[names.response] = assertionsOf(operation.responseSchema);
  }
  const ajv = createAjv({ code: { source: true, esm: true } });
  ajv.addSchema({ components: { schemas: mapValues(doc.components?.schemas ?? {}, assertionsOf) }, roots }, "spec");
  const source = standaloneCode(
    ajv,
    mapValues(roots, (_, name) => `spec#/roots/${name}`),
  );
  const { outputFiles } = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, sourcefile: "validators.js", loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "validators",
    platform: "neutral",
    target: "es2022",
    legalComments: "none",
    // Paths in the bundle's comments are relative to this directory; fixing it keeps the output
    // the same whether `generate` runs at the root or in one package.
    absWorkingDir: repoRoot,
    logLevel: "silent",
  });
  // The directive esbuild puts first is implied in the ES module the script is placed in.
  return outputFiles[0].text.replace(/^"use strict";\n/, "");
}
