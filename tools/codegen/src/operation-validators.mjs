// What a simulator or a response check needs about each client operation, read once from the
// bundled spec: one validator per operation for its parameters, its JSON request body and each
// documented answer (compiled ahead of time by validator-module.mjs), plus the facts to read a raw
// request (parameter types and styles) and to answer one (the documented success examples and the
// members of each object schema). Nothing at run time reads YAML or compiles a schema.
import { operationIndex } from "./operations.mjs";
import { resolveRef as resolve } from "./refs.mjs";
import { compileValidatorModule } from "./validator-module.mjs";
import { eachOperation, operationKey, parametersOf } from "./walk.mjs";

const JSON_MEDIA = "application/json";
const LOCATIONS = ["path", "query", "header"];

const identifier = (name) => name.replace(/[^A-Za-z0-9_$]/g, "_");

/** Header names are matched without case, so they are keyed in lower case. */
const parameterKey = (parameter) => (parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name);

/** One object schema `{ path, query, header }` for all parameters of an operation. */
function parametersSchema(parameters) {
  const groups = {};
  for (const location of LOCATIONS) {
    const own = parameters.filter((p) => p.in === location);
    groups[location] = {
      type: "object",
      properties: Object.fromEntries(own.map((p) => [parameterKey(p), p.schema ?? {}])),
      required: own.filter((p) => p.required).map(parameterKey),
    };
  }
  return { type: "object", properties: groups };
}

const jsonMedia = (doc, holder) => resolve(doc, holder)?.content?.[JSON_MEDIA];

function firstExample(doc, media) {
  if (!media) return undefined;
  if ("example" in media) return { example: media.example };
  const first = Object.values(media.examples ?? {})[0];
  const resolved = first && resolve(doc, first);
  return resolved && "value" in resolved ? { example: resolved.value } : undefined;
}

/** JSON types a schema allows, following `$ref`s; empty when any type is allowed. */
function typesOf(doc, schema) {
  const target = resolve(doc, schema) ?? {};
  if (Array.isArray(target.type)) return target.type;
  if (typeof target.type === "string") return [target.type];
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    if (Array.isArray(target[key])) return [...new Set(target[key].flatMap((part) => typesOf(doc, part)))];
  }
  return [];
}

/** Member names of an object schema, `allOf` parts merged; null when it is not a plain object. */
function membersOf(doc, schema, depth = 0) {
  const target = resolve(doc, schema);
  if (!target || depth > 10) return null;
  if (Array.isArray(target.allOf)) {
    const parts = target.allOf.map((part) => membersOf(doc, part, depth + 1));
    return parts.every((part) => part !== null) ? [...new Set(parts.flat())] : null;
  }
  if (target.properties && typesOf(doc, target).every((type) => type === "object")) {
    return Object.keys(target.properties);
  }
  return null;
}

function parameterFact(doc, parameter) {
  const fact = {
    name: parameterKey(parameter),
    in: parameter.in,
    required: parameter.required === true,
    types: typesOf(doc, parameter.schema),
  };
  const schemaDefault = resolve(doc, parameter.schema)?.default;
  if (schemaDefault !== undefined) fact.default = schemaDefault;
  if (fact.types.includes("array")) fact.itemTypes = typesOf(doc, resolve(doc, parameter.schema)?.items);
  // A form-style exploded object sends each of its members as a query parameter of its own.
  if (fact.types.includes("object") && (parameter.style ?? "form") === "form" && parameter.explode !== false) {
    fact.members = membersOf(doc, parameter.schema) ?? [];
  }
  return fact;
}

/**
 * The roots of one validator module: `rootFor(preferredName, schema)` names the validator of a
 * schema, one per distinct schema (named after the component a lone `$ref` names), so that every
 * step adding roots to the module shares them.
 */
export function createRoots() {
  const roots = {};
  const nameOfSchema = new Map();
  const rootFor = (preferredName, schema) => {
    const key = JSON.stringify(schema);
    if (!nameOfSchema.has(key)) {
      const componentRef = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref ?? "");
      let name = identifier(componentRef && Object.keys(schema).length === 1 ? componentRef[1] : preferredName);
      while (name in roots) name = `${name}_`;
      roots[name] = schema;
      nameOfSchema.set(key, name);
    }
    return nameOfSchema.get(key);
  };
  return { roots, rootFor };
}

/**
 * @param {object} doc the bundled spec
 * @param {ReturnType<typeof createRoots>} [moduleRoots] the roots of the module these validators join
 * @returns {{ roots: Record<string, object>, operations: Record<string, object>, facts: Record<string, object>, schemaMembers: Record<string, string[]> }}
 * roots: validator name -> schema (equal schemas share one validator); operations: `METHOD /path` ->
 * the validator names of that operation; facts: `METHOD /path` -> what a simulator reads
 */
export function describeOperations(doc, moduleRoots = createRoots()) {
  const { roots, rootFor } = moduleRoots;

  const index = operationIndex(doc);
  const operations = {};
  const facts = {};
  eachOperation(doc, "paths", (visit) => {
    const { operation } = visit;
    const key = operationKey(visit.method, visit.key);
    const parameters = parametersOf(doc, visit);
    const id = identifier(operation.operationId ?? key);
    const requestBody = resolve(doc, operation.requestBody);
    const bodySchema = requestBody?.content?.[JSON_MEDIA]?.schema;
    const responses = {};
    const responseFacts = {};
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      const media = jsonMedia(doc, response);
      responses[status] = media?.schema ? rootFor(`${id}Response${status}`, media.schema) : null;
      if (/^2/.test(status)) responseFacts[status] = { ...firstExample(doc, media) };
    }
    operations[key] = {
      parameters: rootFor(`${id}Parameters`, parametersSchema(parameters)),
      body: bodySchema ? rootFor(`${id}Body`, bodySchema) : null,
      responses,
    };
    facts[key] = {
      ...index[key],
      parameters: parameters.map((parameter) => parameterFact(doc, parameter)),
      body: requestBody ? { required: requestBody.required === true, json: Boolean(bodySchema) } : null,
      responses: responseFacts,
    };
  });

  const schemaMembers = {};
  for (const name of Object.keys(doc.components?.schemas ?? {})) {
    const members = membersOf(doc, { $ref: `#/components/schemas/${name}` });
    if (members) schemaMembers[name] = members;
  }
  return { roots, operations, facts, schemaMembers };
}

/**
 * The validator module (`{ js, dts }`) for every root of `describeOperations`. Shared schemas stay
 * shared functions rather than inlined copies: a spec's operations reuse them a lot, and the code is
 * loaded by a test sandbox, where size costs more time than a call.
 */
export const compileOperationValidators = (doc, roots) => compileValidatorModule(doc, roots, { inlineRefs: false });
