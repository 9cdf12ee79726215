// Where the spec documents an answer's members and open enum values, for `validateResponses` to
// find what an answer says that the spec does not (the core's validation/drift.ts walks these).
// One node per schema location, named after the component (`Instalment`) or the place in it
// (`Instalment.interest`, `Instalment.tags[]`, `Rule/oneOf/1.type`); `allOf`, `oneOf` and `anyOf` parts merged, since a
// member or value documented in any part is documented. Nodes are plain data: nothing compiles.
import { resolvePointer } from "./refs.mjs";

const COMPONENT = /^#\/components\/schemas\/[^/]+$/;
const PARTS = ["allOf", "oneOf", "anyOf"];
/** The node of a value the spec does not describe further: nothing is checked there. */
export const ANY = "any";

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const componentName = (ref) => ref.slice("#/components/schemas/".length).replaceAll("~1", "/").replaceAll("~0", "~");
const types = (schema) => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/**
 * @param {object} doc the bundled spec
 * @param {(schema: object) => boolean} isOpenEnum whether an enum schema of `doc` takes values it does not list
 * @returns {{ nodeOf: (schema: object, place: string) => string, nodes: () => Record<string, object> }}
 *   nodeOf: the node name of a schema found at `place`; nodes: every node so far, merged nodes completed
 */
export function createDriftNodes(doc, isOpenEnum) {
  const nodes = { [ANY]: {} };
  const pendingMerges = [];

  /** What one schema (its own keywords and its parts) documents, before it gets a name. */
  function contentOf(schema, place, seen = new Set()) {
    if (!isObject(schema) || seen.has(schema)) return {};
    seen.add(schema);
    const parts = [];
    // Inline places are named after the component they are in, so that parts never share a name.
    if (typeof schema.$ref === "string") {
      const at = COMPONENT.test(schema.$ref) ? componentName(schema.$ref) : place;
      parts.push(contentOf(resolvePointer(doc, schema.$ref), at, seen));
    }
    for (const key of PARTS) {
      if (!Array.isArray(schema[key])) continue;
      for (const [index, part] of schema[key].entries()) parts.push(contentOf(part, `${place}/${key}/${index}`, seen));
    }
    const own = {};
    if (isObject(schema.properties)) {
      own.members = Object.fromEntries(
        Object.entries(schema.properties).map(([member, value]) => [member, nodeOf(value, `${place}.${member}`)]),
      );
    }
    if (schema.additionalProperties === true) own.otherMembers = ANY;
    else if (isObject(schema.additionalProperties))
      own.otherMembers = nodeOf(schema.additionalProperties, `${place}{}`);
    if (isObject(schema.items)) own.items = nodeOf(schema.items, `${place}[]`);
    if (Array.isArray(schema.enum) && isOpenEnum(schema)) own.values = schema.enum.filter((v) => typeof v === "string");
    else if (types(schema).includes("string") && !Array.isArray(schema.enum) && !("const" in schema))
      own.anyString = true;
    return mergeContents([own, ...parts]);
  }

  /** Contents of the parts of one place: members and values documented anywhere count. */
  function mergeContents(contents) {
    const merged = {};
    for (const content of contents) {
      if (content.members) {
        merged.members ??= {};
        for (const [member, node] of Object.entries(content.members)) {
          merged.members[member] =
            merged.members[member] === undefined ? node : mergedNode([merged.members[member], node]);
        }
      }
      for (const key of ["otherMembers", "items"]) {
        if (content[key] !== undefined)
          merged[key] = merged[key] === undefined ? content[key] : mergedNode([merged[key], content[key]]);
      }
      if (content.values) merged.values = [...new Set([...(merged.values ?? []), ...content.values])];
      if (content.anyString) merged.anyString = true;
    }
    return merged;
  }

  /** The node of two or more nodes at one place; completed once every node it merges is. */
  function mergedNode(names) {
    const unique = [...new Set(names.flatMap((name) => name.split("|")))].sort();
    if (unique.includes(ANY)) return ANY;
    if (unique.length === 1) return unique[0];
    const name = unique.join("|");
    if (!(name in nodes)) {
      nodes[name] = {};
      pendingMerges.push([name, unique]);
    }
    return name;
  }

  /** A finished node as the core reads it: nothing to check is ANY, a free string drops listed values. */
  function settle(name, content) {
    const { anyString, ...node } = content;
    if (anyString) delete node.values;
    if (Object.keys(node).length === 0) return ANY;
    nodes[name] = node;
    return name;
  }

  function nodeOf(schema, place) {
    if (!isObject(schema)) return ANY;
    if (typeof schema.$ref === "string" && COMPONENT.test(schema.$ref) && Object.keys(schema).length === 1) {
      const name = componentName(schema.$ref);
      if (!(name in nodes)) {
        // Named before its content is built, so that a recursive schema refers to itself. A
        // component with nothing to check stays empty and is left out: a missing node checks nothing.
        nodes[name] = {};
        settle(name, contentOf(resolvePointer(doc, schema.$ref), name));
      }
      return name;
    }
    return settle(place, contentOf(schema, place));
  }

  return {
    nodeOf,
    nodes() {
      while (pendingMerges.length > 0) {
        const [name, parts] = pendingMerges.shift();
        settle(name, mergeContents(parts.map((part) => nodes[part])));
      }
      return Object.fromEntries(
        Object.entries(nodes).filter(([name, node]) => name === ANY || Object.keys(node).length > 0),
      );
    },
  };
}
