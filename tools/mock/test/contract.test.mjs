// The mock's helpers for contract cases: which value a call sends for a parameter or body, and where
// the schema of a documented answer is, for ajv.
import { describe, expect, it } from "vitest";
import { exampleOf, responseSchemaRef } from "../src/contract.mjs";

const doc = {
  components: {
    examples: { Named: { value: "from-components" } },
    schemas: { Status: { type: "string", enum: ["OPEN", "CLOSED"] } },
    responses: { Found: { content: { "application/json": { schema: { type: "object" } } } } },
  },
};

describe("exampleOf", () => {
  it.each([
    { name: "the holder's example", holder: { example: 1, examples: { a: { value: 2 } } }, value: 1 },
    { name: "the first named example", holder: { examples: { a: { value: 2 }, b: { value: 3 } } }, value: 2 },
    {
      name: "a named example through $ref",
      holder: { examples: { a: { $ref: "#/components/examples/Named" } } },
      value: "from-components",
    },
    { name: "the schema's example", holder: { schema: { type: "string", example: "s" } }, value: "s" },
    {
      name: "the schema's first examples entry",
      holder: { schema: { examples: ["first", "second"] } },
      value: "first",
    },
    { name: "the schema's default", holder: { schema: { type: "integer", default: 10 } }, value: 10 },
    {
      name: "the first enum value, through $ref",
      holder: { schema: { $ref: "#/components/schemas/Status" } },
      value: "OPEN",
    },
    { name: "the schema's const", holder: { schema: { const: "fixed" } }, value: "fixed" },
    { name: "nothing the schema implies", holder: { schema: { type: "string" } }, value: undefined },
    { name: "no schema", holder: {}, value: undefined },
    { name: "no holder", holder: undefined, value: undefined },
  ])("takes $name", ({ holder, value }) => {
    expect(exampleOf(doc, holder)).toEqual(value);
  });
});

describe("responseSchemaRef", () => {
  const json = (mediaType = "application/json") => ({ content: { [mediaType]: { schema: { type: "object" } } } });
  it.each([
    {
      name: "an inline answer",
      responses: { 200: json() },
      ref: "spec#/paths/~1v1~1items/get/responses/200/content/application~1json/schema",
    },
    {
      name: "an answer through $ref",
      responses: { 200: { $ref: "#/components/responses/Found" } },
      ref: "spec#/components/responses/Found/content/application~1json/schema",
    },
    {
      name: "a JSON media type with parameters, preferred over others",
      responses: { 200: { content: { "text/plain": {}, "application/problem+json": { schema: {} } } } },
      ref: "spec#/paths/~1v1~1items/get/responses/200/content/application~1problem+json/schema",
    },
    { name: "an answer without a body", responses: { 200: { description: "empty" } }, ref: undefined },
  ])("$name", ({ responses, ref }) => {
    expect(responseSchemaRef(doc, "/paths/~1v1~1items/get", { responses }, "200")).toBe(ref);
  });
});
