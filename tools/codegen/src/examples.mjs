// Validates every example in a bundled spec against its schema, formats included.
// Media-type and parameter examples are checked against their `schema`; schema `example`/`examples`
// against the schema they annotate. Every problem names its JSON pointer in the spec.
import { createAjv, isKnownFormat, problemsAt } from "./ajv.mjs";
import { escapePointer, resolveRef } from "./refs.mjs";
import { forEachSchema } from "./subschemas.mjs";

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** @returns {string[]} one message per invalid example or unknown format; empty when all is well */
export function checkExamples(doc) {
  const ajv = createAjv();
  ajv.addSchema(doc, "spec");
  const problems = [];
  const validate = (schemaPointer, value, examplePointer) => {
    for (const problem of problemsAt(ajv, `spec#${schemaPointer}`, value)) problems.push(`${examplePointer}${problem}`);
  };

  const visitSchema = (schema, pointer) => {
    if (typeof schema.format === "string" && !isKnownFormat(ajv, schema.format)) {
      problems.push(`${pointer}/format unknown format "${schema.format}"`);
    }
    if ("example" in schema) validate(pointer, schema.example, `${pointer}/example`);
    if (Array.isArray(schema.examples)) {
      for (const [index, value] of schema.examples.entries()) validate(pointer, value, `${pointer}/examples/${index}`);
    }
  };

  // A media type or parameter: `schema` beside `example` or an `examples` map of Example objects.
  const visitHolder = (holder, pointer) => {
    const schemaPointer = `${pointer}/schema`;
    if ("example" in holder) validate(schemaPointer, holder.example, `${pointer}/example`);
    if (isObject(holder.examples)) {
      for (const [name, example] of Object.entries(holder.examples)) {
        const resolved = resolveRef(doc, example);
        if (resolved && "value" in resolved)
          validate(schemaPointer, resolved.value, `${pointer}/examples/${escapePointer(name)}`);
      }
    }
  };

  forEachSchema(doc, visitSchema, visitHolder);
  return problems;
}
