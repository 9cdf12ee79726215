// The JSON Schema 2020-12 keywords whose values hold subschemas, in one list for every walk that
// descends into a schema (the example check, the validator transform): a keyword added here is
// seen by all of them.
import { escapePointer } from "./refs.mjs";

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** The keywords that restrict a value beyond its JSON type (`format` aside), which no type expresses. */
export const CONSTRAINT_KEYWORDS = new Set([
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
]);

/** keyword -> how its value holds subschemas: a map of them, a list of them, or one. */
export const SUBSCHEMA_KEYWORDS = new Map([
  ["properties", "map"],
  ["patternProperties", "map"],
  ["$defs", "map"],
  ["dependentSchemas", "map"],
  ["allOf", "list"],
  ["anyOf", "list"],
  ["oneOf", "list"],
  ["prefixItems", "list"],
  ["items", "one"],
  ["additionalProperties", "one"],
  ["not", "one"],
  ["if", "one"],
  ["then", "one"],
  ["else", "one"],
  ["contains", "one"],
  ["propertyNames", "one"],
  ["unevaluatedProperties", "one"],
  ["unevaluatedItems", "one"],
]);

/**
 * The subschemas under one keyword of a schema.
 * @returns {[string, unknown][]} each subschema with its pointer relative to the schema (`/properties/id`)
 */
export function subschemasUnder(keyword, value) {
  switch (SUBSCHEMA_KEYWORDS.get(keyword)) {
    case "map":
      return isObject(value)
        ? Object.entries(value).map(([name, sub]) => [`/${keyword}/${escapePointer(name)}`, sub])
        : [];
    case "list":
      return Array.isArray(value) ? value.map((sub, index) => [`/${keyword}/${index}`, sub]) : [];
    case "one":
      return value === undefined ? [] : [[`/${keyword}`, value]];
    default:
      return [];
  }
}

/** The value of one keyword with `fn` applied to each subschema it holds; any other value as it is. */
export function mapSubschemasUnder(keyword, value, fn) {
  switch (SUBSCHEMA_KEYWORDS.get(keyword)) {
    case "map":
      return isObject(value) ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, fn(sub)])) : value;
    case "list":
      return Array.isArray(value) ? value.map((sub) => fn(sub)) : value;
    case "one":
      return fn(value);
    default:
      return value;
  }
}

/**
 * Calls `visit(schema, pointer, negated)` on every schema of a bundled spec (components, and the
 * `schema` of every parameter, header and media type), descending through the keywords above;
 * `negated` is true under a `not`. `visitHolder(holder, pointer)` sees each object holding a `schema`
 * (a parameter, header or media type) before its schema. Pointers are JSON pointers without `#`.
 */
export function forEachSchema(doc, visit, visitHolder = () => {}) {
  const walkSchema = (schema, pointer, negated) => {
    if (!isObject(schema)) return;
    visit(schema, pointer, negated);
    for (const [key, value] of Object.entries(schema)) {
      for (const [suffix, sub] of subschemasUnder(key, value))
        walkSchema(sub, `${pointer}${suffix}`, negated || key === "not");
    }
  };
  const walk = (node, pointer) => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) walk(item, `${pointer}/${index}`);
      return;
    }
    if (!isObject(node)) return;
    if (isObject(node.schema)) {
      visitHolder(node, pointer);
      walkSchema(node.schema, `${pointer}/schema`, false);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "schemas" && pointer === "/components" && isObject(value)) {
        for (const [name, schema] of Object.entries(value))
          walkSchema(schema, `${pointer}/schemas/${escapePointer(name)}`, false);
      } else if (key !== "example" && key !== "examples") {
        walk(value, `${pointer}/${escapePointer(key)}`);
      }
    }
  };
  walk(doc, "");
}
