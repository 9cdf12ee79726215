// A generate step any generator can reuse: schemas of a bundled spec compiled ahead of time into
// one ES module of ajv standalone validators, with the formats of the spec lint (ajv.mjs) and the
// helpers that code requires (format checks, ajv runtime functions) bundled in, so the package that
// ships it never compiles a schema and never imports ajv; and a declaration file that types each
// export as the core's CompiledValidator, so the code that uses them is type-checked.
//
//   const { js, dts } = await compileValidatorModule(doc, { createItemRequest: requestSchema });
//   // write js as src/generated/<name>.js and dts as src/generated/<name>.d.ts, then
//   // import * as validators from "./<name>";  validators.createItemRequest(value) -> boolean
import { repoRoot } from "@enfuce-sdk/workspace";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { createAjv } from "./ajv.mjs";
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

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * @param {object} doc the bundled spec: `$ref`s in the roots resolve against its `components.schemas`
 * @param {Record<string, object>} roots export name (a JavaScript identifier) -> the schema it validates
 * @param {object} [ajvOptions] e.g. `{ inlineRefs: false }`: shared schemas stay shared functions
 *   instead of inlined copies, for modules where many roots use the same schemas
 * @returns {Promise<{js: string, dts: string}>} the module and its declarations, without a header;
 *   deterministic for a given spec and dependency versions
 */
export async function compileValidatorModule(doc, roots, ajvOptions = {}) {
  const names = Object.keys(roots);
  const invalid = names.filter((name) => !IDENTIFIER.test(name));
  if (invalid.length > 0) throw new Error(`validator names must be identifiers: ${invalid.join(", ")}`);
  const ajv = createAjv({ ...ajvOptions, code: { source: true, esm: true } });
  ajv.addSchema(
    {
      components: { schemas: mapValues(doc.components?.schemas ?? {}, assertionsOf) },
      roots: mapValues(roots, assertionsOf),
    },
    "spec",
  );
  const source = standaloneCode(ajv, Object.fromEntries(names.map((name) => [name, `spec#/roots/${name}`])));
  const { outputFiles } = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, sourcefile: "validators.js", loader: "js" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    legalComments: "none",
    // Paths in the bundle's comments are relative to this directory; fixing it keeps the output
    // the same whether `generate` runs at the root or in one package.
    absWorkingDir: repoRoot,
    logLevel: "silent",
  });
  const declarations = names.map((name) => `export declare const ${name}: CompiledValidator;`);
  return {
    js: outputFiles[0].text,
    dts: `import type { CompiledValidator } from "@enfuce-sdk/core";\n\n${declarations.join("\n")}\n`,
  };
}
