// Tolerant reader, strict writer. Enfuce adds enum values, members and formats before the SDK is
// updated, so what we receive is read openly while what we send stays as documented:
// - open enums: every enum of a spec takes values it does not list, except the values that tell the
//   branches of a union apart (TypeScript could no longer narrow on them) and values under a `not`;
// - on receipt, a payload is checked without its open enums' value lists and without the constraints
//   the spec marks `x-enfuce-inferred` (the docs do not state them), but with its JSON types and
//   required members, which the user's code relies on;
// - a union branch whose discriminant is `not` the known values is the shape of the payloads of a
//   kind the docs do not list yet (the union's unknown variant).
import { resolveRef } from "./refs.mjs";
import { CONSTRAINT_KEYWORDS, forEachSchema, subschemasUnder } from "./subschemas.mjs";

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
// Keywords that may be marked inferred: they restrict a value beyond its JSON type.
export const INFERABLE_KEYWORDS = new Set([...CONSTRAINT_KEYWORDS, "format"]);

/** The member schemas of an object schema, by name, following `$ref` and `allOf`. */
function membersOf(doc, schema, members = new Map(), seen = new Set()) {
  const target = resolveRef(doc, schema);
  if (!isObject(target) || seen.has(target)) return members;
  seen.add(target);
  for (const [name, member] of Object.entries(target.properties ?? {})) {
    members.set(name, [...(members.get(name) ?? []), resolveRef(doc, member)]);
  }
  for (const part of target.allOf ?? []) membersOf(doc, part, members, seen);
  return members;
}

/** The values a member may take in one branch: what all its value lists allow; null if unrestricted. */
function valuesIn(schemas) {
  const lists = schemas.filter(isObject).map((schema) => ("const" in schema ? [schema.const] : schema.enum));
  const restricting = lists.filter(Array.isArray);
  if (restricting.length === 0) return null;
  return restricting.reduce((allowed, list) => allowed.filter((value) => list.includes(value)));
}

/**
 * The enums that tell the branches of `union` apart: a member with disjoint values in every branch,
 * apart from an unknown variant (whose member is `not` the known values).
 */
function discriminantEnums(doc, union) {
  const branches = union.map((branch) => membersOf(doc, branch));
  const excludes = (schemas) => schemas.some((schema) => Array.isArray(resolveRef(doc, schema?.not)?.enum));
  const tellsApart = (name) => {
    const known = branches.filter((members) => !(members.has(name) && excludes(members.get(name))));
    const values = known.map((members) => (members.has(name) ? valuesIn(members.get(name)) : null));
    if (values.length < 2 || values.some((list) => list === null)) return false;
    const seen = new Set();
    return values.every((list) => list.every((value) => !seen.has(value) && seen.add(value)));
  };
  const names = new Set(branches.flatMap((members) => [...members.keys()]));
  return [...names]
    .filter(tellsApart)
    .flatMap((name) => branches.flatMap((members) => (members.get(name) ?? []).filter((s) => Array.isArray(s?.enum))));
}

/** @returns {Set<object>} the enum schemas of `doc` (its own objects) that take values they do not list */
export function openEnums(doc) {
  const closed = new Set();
  const candidates = [];
  forEachSchema(doc, (schema, _pointer, negated) => {
    for (const key of ["oneOf", "anyOf"]) {
      if (Array.isArray(schema[key])) for (const found of discriminantEnums(doc, schema[key])) closed.add(found);
    }
    if (negated) {
      closed.add(schema);
      if (schema.$ref) closed.add(resolveRef(doc, schema));
    }
    if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === "string")) {
      candidates.push(schema);
    }
  });
  return new Set(candidates.filter((schema) => !closed.has(schema)));
}

/** `doc` changed in place into the form a receiver checks payloads against. */
export function receivedForm(doc) {
  for (const schema of openEnums(doc)) {
    delete schema.enum;
    schema.type ??= "string";
  }
  forEachSchema(doc, (schema) => {
    for (const keyword of schema["x-enfuce-inferred"] ?? []) delete schema[keyword];
  });
  return doc;
}

const SCHEMAS = "#/components/schemas/";
const RECEIVED = "received.";

/** Points every `$ref` to a component schema under `node` at the schema named `rename(name)`. */
function renameSchemaRefs(node, rename) {
  if (Array.isArray(node)) for (const item of node) renameSchemaRefs(item, rename);
  if (!isObject(node)) return;
  if (typeof node.$ref === "string" && node.$ref.startsWith(SCHEMAS)) {
    const [name, ...rest] = node.$ref.slice(SCHEMAS.length).split("/");
    node.$ref = `${SCHEMAS}${[rename(name), ...rest].join("/")}`;
  }
  for (const value of Object.values(node)) renameSchemaRefs(value, rename);
}

/** The component schemas a `$ref` under `node` names. */
function schemaRefsUnder(node, found = new Set()) {
  if (Array.isArray(node)) for (const item of node) schemaRefsUnder(item, found);
  if (!isObject(node)) return found;
  if (typeof node.$ref === "string" && node.$ref.startsWith(SCHEMAS))
    found.add(node.$ref.slice(SCHEMAS.length).split("/")[0]);
  for (const value of Object.values(node)) schemaRefsUnder(value, found);
  return found;
}

/** The component schemas whose received form differs from `doc`'s: changed, or leading to one that is. */
function componentsReadDifferently(doc, received) {
  const original = doc.components?.schemas ?? {};
  const schemas = received.components?.schemas ?? {};
  const differs = new Set(
    Object.keys(schemas).filter((name) => JSON.stringify(schemas[name]) !== JSON.stringify(original[name])),
  );
  const refs = Object.entries(schemas).map(([name, schema]) => [name, [...schemaRefsUnder(schema)]]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, names] of refs) {
      if (differs.has(name) || !names.some((ref) => differs.has(ref))) continue;
      differs.add(name);
      grew = true;
    }
  }
  return differs;
}

/**
 * The received form of `doc` (`received`), whose component schemas that read differently from
 * `doc`'s are renamed `received.<Name>`, and `doc` with those beside its own (`doc`), so that
 * validators of both forms compile against one spec and share every schema the two forms agree on.
 */
export function receivedComponents(doc) {
  const received = receivedForm(structuredClone(doc));
  const schemas = received.components?.schemas ?? {};
  const differs = componentsReadDifferently(doc, received);
  const rename = (name) => (differs.has(name) ? `${RECEIVED}${name}` : name);
  renameSchemaRefs(received, rename);
  received.components = {
    ...received.components,
    schemas: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [rename(name), schema])),
  };
  const both = { ...doc.components?.schemas, ...received.components.schemas };
  return { doc: { ...doc, components: { ...doc.components, schemas: both } }, received };
}

/** Problems of `x-enfuce-inferred` markers: each must name constraint keywords its schema has. */
export function inferredMarkerProblems(doc) {
  const problems = [];
  forEachSchema(doc, (schema, pointer) => {
    const marked = schema["x-enfuce-inferred"];
    if (marked === undefined) return;
    if (!Array.isArray(marked) || marked.length === 0) {
      problems.push(`${pointer}/x-enfuce-inferred must list the constraint keywords the docs do not state`);
      return;
    }
    for (const keyword of marked) {
      if (!INFERABLE_KEYWORDS.has(keyword))
        problems.push(`${pointer}/x-enfuce-inferred: ${keyword} is not a constraint keyword`);
      else if (!(keyword in schema)) problems.push(`${pointer}/x-enfuce-inferred: ${keyword} is not on this schema`);
    }
  });
  return problems;
}

/**
 * The unknown variant of a union of payloads: the branch whose discriminant is `not` the known values.
 * @returns {{property: string, knownValues: string[]} | null}
 */
export function unknownVariantOf(doc, schema) {
  for (const branch of unionBranches(doc, schema)) {
    for (const [property, schemas] of membersOf(doc, branch)) {
      const excluded = schemas.map((member) => resolveRef(doc, member?.not)).find((not) => Array.isArray(not?.enum));
      if (excluded) return { property, knownValues: excluded.enum };
    }
  }
  return null;
}

/** The alternatives of a union, with nested unions flattened; empty when `schema` is no union. */
export function unionBranches(doc, schema) {
  const target = resolveRef(doc, schema);
  const branches = target?.oneOf ?? target?.anyOf;
  if (!Array.isArray(branches)) return [];
  return branches.flatMap((branch) => {
    const nested = unionBranches(doc, branch);
    return nested.length > 0 ? nested : [branch];
  });
}

/** Whether `schema` or a schema it leads to (through `$ref`s too) satisfies `test`. */
function leadsTo(doc, schema, test, seen = new Set()) {
  if (!isObject(schema) || seen.has(schema)) return false;
  seen.add(schema);
  if (test(schema)) return true;
  const next = [schema.$ref ? resolveRef(doc, schema) : undefined];
  for (const [key, value] of Object.entries(schema)) next.push(...subschemasUnder(key, value).map(([, sub]) => sub));
  return next.some((sub) => leadsTo(doc, sub, test, seen));
}

/** Whether what we receive of `schema` differs from what we send: an open enum or a read/write-only member. */
export function readDiffersFromWrite(doc, schema, open = openEnums(doc)) {
  return leadsTo(doc, schema, (node) => open.has(node) || node.readOnly === true || node.writeOnly === true);
}
