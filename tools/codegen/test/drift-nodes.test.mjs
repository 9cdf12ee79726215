// Drift nodes from small specs: members and open values per place, parts merged, recursion named.
import { describe, expect, it } from "vitest";
import { ANY, createDriftNodes } from "../src/drift-nodes.mjs";

const spec = (schemas) => ({ openapi: "3.1.0", components: { schemas } });
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const allOpen = () => true;

function build(schemas, root, isOpenEnum = allOpen) {
  const doc = spec(schemas);
  const drift = createDriftNodes(doc, isOpenEnum);
  const name = drift.nodeOf(root, "op 200");
  return { name, nodes: drift.nodes() };
}

describe("createDriftNodes", () => {
  it("names a component's node after it, with its members and the nodes of their values", () => {
    const { name, nodes } = build(
      {
        Card: {
          type: "object",
          properties: { id: { type: "string" }, status: ref("Status"), tags: { type: "array", items: ref("Status") } },
        },
        Status: { type: "string", enum: ["ACTIVE", "CLOSED"] },
      },
      ref("Card"),
    );
    expect(name).toBe("Card");
    expect(nodes).toEqual({
      any: {},
      Card: { members: { id: ANY, status: "Status", tags: "Card.tags" } },
      Status: { values: ["ACTIVE", "CLOSED"] },
      "Card.tags": { items: "Status" },
    });
  });

  it("lists no values for an enum that is not open (a discriminant stays closed)", () => {
    const { nodes } = build(
      { Kind: { type: "string", enum: ["A", "B"] } },
      { type: "object", properties: { kind: ref("Kind") } },
      () => false,
    );
    expect(nodes).toEqual({ any: {}, "op 200": { members: { kind: "Kind" } } });
  });

  it("merges the members and values of allOf, oneOf and anyOf parts", () => {
    const { nodes } = build(
      {
        Base: { type: "object", properties: { id: { type: "string" } } },
        A: { allOf: [ref("Base"), { properties: { type: { enum: ["A"] }, a: { type: "integer" } } }] },
        B: { allOf: [ref("Base"), { properties: { type: { enum: ["B"] }, b: { type: "integer" } } }] },
      },
      { oneOf: [ref("A"), ref("B")] },
    );
    expect(nodes["op 200"]).toEqual({ members: { type: "A/allOf/1.type|B/allOf/1.type", a: ANY, b: ANY, id: ANY } });
    expect(nodes["A/allOf/1.type|B/allOf/1.type"]).toEqual({ values: ["A", "B"] });
  });

  it("an enum beside any other string lists nothing", () => {
    const { nodes } = build({}, { anyOf: [{ type: "string", enum: ["X"] }, { type: "string" }] });
    expect(nodes).toEqual({ any: {} });
  });

  it("additionalProperties: true allows any other member; a schema gives other members its node", () => {
    const { nodes } = build(
      {
        Limits: {
          type: "object",
          properties: { a: { type: "integer" } },
          additionalProperties: { type: "object", properties: { max: { type: "integer" } } },
        },
      },
      ref("Limits"),
    );
    expect(nodes.Limits).toEqual({ members: { a: ANY }, otherMembers: "Limits{}" });
    expect(nodes["Limits{}"]).toEqual({ members: { max: ANY } });
    expect(build({}, { type: "object", properties: { a: {} }, additionalProperties: true }).nodes["op 200"]).toEqual({
      members: { a: ANY },
      otherMembers: ANY,
    });
  });

  it("an object declared without members checks none", () => {
    expect(build({}, { type: "object" })).toEqual({ name: ANY, nodes: { any: {} } });
  });

  it("a recursive schema refers to its own node", () => {
    const { nodes } = build(
      {
        Tree: {
          type: "object",
          properties: { name: { type: "string" }, children: { type: "array", items: ref("Tree") } },
        },
      },
      ref("Tree"),
    );
    expect(nodes.Tree).toEqual({ members: { name: ANY, children: "Tree.children" } });
    expect(nodes["Tree.children"]).toEqual({ items: "Tree" });
  });
});
