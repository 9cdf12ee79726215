// How a list operation pages, decided from its spec, for the core's paginate(): the style, where the
// items are in the answer, and how the answer says there is more. The shape of the answer decides
// where it can (see specs/CONVENTIONS.md, "Paged lists"); `x-enfuce-paging` on the operation says
// it where the shape cannot. An operation that takes `page` and `size` but whose paging cannot be
// decided stops the generator rather than being left out quietly.
import { resolveRef } from "./refs.mjs";
import { SpecError } from "./spec-problems.mjs";

const STYLES = new Set(["page", "key"]);
const pathOf = (dotted) => (dotted ? String(dotted).split(".") : []);

/** The schema's members, through `$ref`s and `allOf`; undefined where the schema says nothing of them. */
function propertiesOf(doc, schema) {
  const resolved = resolveRef(doc, schema);
  if (!resolved || typeof resolved !== "object") return undefined;
  let properties = resolved.properties ? { ...resolved.properties } : undefined;
  for (const part of resolved.allOf ?? []) {
    const more = propertiesOf(doc, part);
    if (more) properties = { ...properties, ...more };
  }
  return properties;
}

const isArray = (doc, schema) => resolveRef(doc, schema)?.type === "array";

/**
 * The schema at `path` below `schema`; `null` when the schema is untyped along the way (nothing
 * can be checked), undefined when a typed schema has no such member.
 */
function schemaAt(doc, schema, path) {
  let current = resolveRef(doc, schema);
  for (const name of path) {
    const properties = propertiesOf(doc, current);
    if (properties === undefined)
      return current && Object.keys(current).some((key) => key !== "description") ? undefined : null;
    if (!(name in properties)) return undefined;
    current = resolveRef(doc, properties[name]);
  }
  return current;
}

/** `oneOf`/`anyOf` of a list of X and X itself: an answer that is a page, or one item on its own. */
function isListOrSingle(doc, schema) {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches?.length !== 2) return false;
  const list = branches.find((branch) => isArray(doc, branch));
  const single = branches.find((branch) => !isArray(doc, branch));
  if (!list || !single) return false;
  const item = resolveRef(doc, list).items;
  return item !== undefined && resolveRef(doc, item) === resolveRef(doc, single);
}

/** Where the items are and whether the answer announces its page count, read off the answer's shape. */
function inferPageShape(doc, body) {
  if (!body) return undefined;
  if (body.type === "array") return { items: [] };
  if (isListOrSingle(doc, body)) return { items: [], single: true };
  const properties = propertiesOf(doc, body) ?? {};
  if (properties.data && isArray(doc, properties.data)) {
    const pages = propertiesOf(doc, properties.pagination)?.pages ? { pages: ["pagination", "pages"] } : {};
    return { items: ["data"], ...pages };
  }
  const lists = Object.keys(properties).filter((name) => isArray(doc, properties[name]));
  return lists.length === 1 ? { items: lists } : undefined;
}

function sizeLimits(doc, size) {
  const schema = resolveRef(doc, size?.schema) ?? {};
  return { sizeMin: schema.minimum ?? 1, sizeMax: schema.maximum ?? null, sizeDefault: schema.default ?? null };
}

/**
 * @param {string} where `GET /path (operationId)`, for messages
 * @returns {object | undefined} the operation's `paging` fact, or undefined where it does not page
 */
export function pagingOf(doc, parameters, operation, where) {
  const query = (name) => parameters.find((parameter) => parameter.in === "query" && parameter.name === name);
  const declared = operation["x-enfuce-paging"];
  const page = query("page");
  const size = query("size");
  if (!declared && !(page && size)) return undefined;
  const fail = (problem) => {
    throw new SpecError([`${where}: ${problem} (see specs/CONVENTIONS.md, "Paged lists")`]);
  };
  const body = resolveRef(doc, resolveRef(doc, operation.responses?.["200"])?.content?.["application/json"]?.schema);

  let shape;
  if (declared) {
    if (!STYLES.has(declared.style))
      fail(`x-enfuce-paging.style must be "page" or "key", not ${JSON.stringify(declared.style)}`);
    shape = { style: declared.style, items: pathOf(declared.items) };
    if (declared.single) shape.single = true;
    if (declared.style === "page") {
      if (!page || !size) fail("page style needs the query parameters page and size");
      if (declared.pages) shape.pages = pathOf(declared.pages);
    } else {
      if (!declared.startKey || !query(declared.startKey))
        fail("key style needs startKey, a query parameter of the operation");
      if (!declared.nextKey) fail("key style needs nextKey, where the answer carries the next key");
      shape.startKey = declared.startKey;
      shape.nextKey = pathOf(declared.nextKey);
    }
    for (const member of ["items", "pages", "nextKey"]) {
      if (shape[member]?.length && schemaAt(doc, body, shape[member]) === undefined) {
        fail(`x-enfuce-paging.${member} names ${shape[member].join(".")}, which the answer does not have`);
      }
    }
  } else {
    const inferred = inferPageShape(doc, body);
    if (!inferred)
      fail("takes page and size, but the answer's shape does not show where the items are: declare x-enfuce-paging");
    shape = { style: "page", ...inferred };
  }
  return { ...shape, ...sizeLimits(doc, size) };
}

const code = (path) => `\`${path.join(".")}\``;

/** How the README names a paging style, and when iteration ends. */
export function describePaging(paging) {
  const items = paging.items.length === 0 ? "the answer is the list" : `items in ${code(paging.items)}`;
  if (paging.style === "key") {
    return {
      style: `continuation key: \`${paging.startKey}\` from ${code(paging.nextKey)}; ${items}`,
      end: `an answer without ${code(paging.nextKey)}`,
    };
  }
  const single = paging.single ? ", or one item on its own (a page of one)" : "";
  const announced = paging.pages ? `the last page ${code(paging.pages)} announces, else ` : "";
  return {
    style: `\`page\`/\`size\`; ${items}${single}`,
    end: `${announced}a page shorter than \`size\`, or an empty one`,
  };
}
