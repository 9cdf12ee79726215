// One JSON Schema 2020-12 validator setup, shared by the example check and the webhook validators,
// so that what the lint accepts is exactly what a receiver accepts at run time.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const DIGITS = /^-?[0-9]+$/;
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** Whether a `format` value is known; unknown formats would silently validate nothing. */
export const isKnownFormat = (ajv, format) => format in ajv.formats;

/**
 * What is wrong with `value` against the schema at `ref` (`spec#/components/schemas/X`) of a document
 * added to `ajv`, one `<instancePath> <message>` a problem; none when it is valid.
 */
export function problemsAt(ajv, ref, value) {
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  return validate(value) ? [] : validate.errors.map((error) => `${error.instancePath} ${error.message}`);
}

export function createAjv(options = {}) {
  const ajv = new Ajv2020({
    allErrors: true,
    // OpenAPI adds annotation keywords (example, discriminator, x-*) that JSON Schema does not know.
    strict: false,
    validateFormats: true,
    ...options,
  });
  addFormats(ajv);
  // Formats the Enfuce docs use on top of JSON Schema's own. Given as regular expressions so that
  // standalone (ahead-of-time) validators can inline them.
  ajv.addFormat("biginteger", DIGITS);
  ajv.addFormat("bigdecimal", DECIMAL);
  return ajv;
}
