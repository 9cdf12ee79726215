// Which enums stay open, what a receiver checks, and what the spec lint says about inferred markers.
import { describe, expect, it } from "vitest";
import {
  inferredMarkerProblems,
  openEnums,
  readDiffersFromWrite,
  receivedForm,
  unknownVariantOf,
} from "../src/tolerance.mjs";

const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const specWith = (schemas) => ({
  openapi: "3.1.0",
  paths: {},
  components: { schemas: structuredClone(Object.fromEntries(Object.entries(schemas).filter(([, s]) => s))) },
});
const openNames = (doc) =>
  Object.entries(doc.components.schemas)
    .filter(([, schema]) => openEnums(doc).has(schema))
    .map(([name]) => name);

// A union told apart by `kind`, through a shared base as well as each branch's own value.
const union = {
  Kind: { type: "string", enum: ["A", "B"] },
  Status: { type: "string", enum: ["OK", "BLOCKED"] },
  Base: { type: "object", required: ["kind"], properties: { kind: ref("Kind"), status: ref("Status") } },
  A: { allOf: [ref("Base"), { properties: { kind: { const: "A" } } }] },
  B: { allOf: [ref("Base"), { properties: { kind: { enum: ["B"] } } }] },
  Either: { oneOf: [ref("A"), ref("B")] },
  Other: { type: "object", properties: { kind: { type: "string", not: ref("Kind") } } },
};

describe("open enums", () => {
  it.each([
    ["a plain enum", { Status: union.Status }, ["Status"]],
    ["a one-value enum that tells nothing apart", { Fee: { type: "string", enum: ["MARKUP_FEE"] } }, ["Fee"]],
    ["a discriminant, also through a shared base", union, ["Status"]],
    [
      "a discriminant beside an unknown variant",
      { ...union, Any: { oneOf: [ref("A"), ref("B"), ref("Other")] }, Either: undefined },
      ["Status"],
    ],
    ["an enum under a not", { Country: { type: "string", not: { enum: ["QZZ", "ROM"] } } }, []],
    ["an enum of numbers", { Level: { type: "integer", enum: [1, 2] } }, []],
  ])("%s", (_, schemas, expected) => {
    expect(openNames(specWith(schemas))).toEqual(expected);
  });

  it("finds inline enums in operations too", () => {
    const inline = { type: "string", enum: ["X", "Y"] };
    const doc = {
      paths: { "/a": { get: { responses: { 200: { content: { "application/json": { schema: inline } } } } } } },
    };
    expect(openEnums(doc).has(inline)).toBe(true);
  });
});

describe("the received form", () => {
  it("drops open value lists and inferred constraints, keeping types and the rest", () => {
    const doc = receivedForm(
      specWith({
        ...union,
        Code: { type: "string", pattern: "^[A-Z]{3}$", maxLength: 3, "x-enfuce-inferred": ["pattern"] },
        Bare: { enum: ["P", "Q"] },
      }),
    );
    const { Status, Kind, Code, Bare } = doc.components.schemas;
    expect(Status).toEqual({ type: "string" });
    expect(Kind).toEqual({ type: "string", enum: ["A", "B"] });
    expect(Code).toEqual({ type: "string", maxLength: 3, "x-enfuce-inferred": ["pattern"] });
    expect(Bare).toEqual({ type: "string" });
  });
});

describe("inferred markers", () => {
  it.each([
    ["a constraint the schema has", { type: "string", pattern: ".", "x-enfuce-inferred": ["pattern"] }, []],
    ["one it lacks", { type: "string", "x-enfuce-inferred": ["pattern"] }, [/pattern is not on this schema/]],
    ["a keyword that is no constraint", { type: "string", "x-enfuce-inferred": ["type"] }, [/not a constraint/]],
    ["an empty list", { type: "string", "x-enfuce-inferred": [] }, [/must list/]],
  ])("%s", (_, schema, expected) => {
    const problems = inferredMarkerProblems(specWith({ Code: schema }));
    expect(problems).toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
    for (const problem of problems) expect(problem).toMatch(/^\/components\/schemas\/Code\//);
  });
});

describe("unknown variants", () => {
  it("are the branch whose discriminant is not the known values", () => {
    const doc = specWith(union);
    expect(unknownVariantOf(doc, { oneOf: [ref("Either"), ref("Other")] })).toEqual({
      property: "kind",
      knownValues: ["A", "B"],
    });
    expect(unknownVariantOf(doc, ref("Either"))).toBeNull();
    expect(unknownVariantOf(doc, ref("Status"))).toBeNull();
  });
});

describe("read and write forms", () => {
  it.each([
    ["an open enum", ref("Status"), true],
    ["an object reaching one", ref("Base"), true],
    ["a read-only member", { properties: { used: { type: "number", readOnly: true } } }, true],
    ["a closed discriminant only", ref("Kind"), false],
    ["plain members", { properties: { name: { type: "string" } } }, false],
  ])("differ for %s: %s", (_, schema, expected) => {
    expect(readDiffersFromWrite(specWith(union), schema)).toBe(expected);
  });
});
