// The example check of `pnpm lint:specs`: every example against the schema it illustrates, at every
// depth the subschema keyword list reaches, each problem named by its JSON pointer.
import { describe, expect, it } from "vitest";
import { checkExamples } from "../src/examples.mjs";

const specWith = (schema, example) => {
  const media = example === undefined ? { schema } : { schema, example };
  return { paths: { "/x": { get: { responses: { 200: { content: { "application/json": media } } } } } } };
};
const at = "/paths/~1x/get/responses/200/content/application~1json";

describe("checkExamples", () => {
  it.each([
    { name: "a valid media example", schema: { type: "string" }, example: "ok", problems: [] },
    {
      name: "a media example of the wrong type",
      schema: { type: "integer" },
      example: "no",
      problems: [`${at}/example must be integer`],
    },
    {
      name: "a format the lint knows",
      schema: { type: "string", format: "date" },
      example: "2024-02-30",
      problems: [`${at}/example must match format "date"`],
    },
    {
      name: "a format nobody knows",
      schema: { type: "string", format: "colour" },
      example: "red",
      problems: [`${at}/schema/format unknown format "colour"`],
    },
    ...[
      ["properties", { properties: { id: { type: "string", example: 1 } } }, "/properties/id"],
      ["items", { items: { type: "string", example: 1 } }, "/items"],
      ["allOf", { allOf: [{ type: "string", example: 1 }] }, "/allOf/0"],
      ["unevaluatedProperties", { unevaluatedProperties: { type: "string", example: 1 } }, "/unevaluatedProperties"],
      ["unevaluatedItems", { unevaluatedItems: { type: "string", example: 1 } }, "/unevaluatedItems"],
    ].map(([keyword, schema, pointer]) => ({
      name: `a schema example under ${keyword}`,
      schema,
      example: undefined,
      problems: [`${at}/schema${pointer}/example must be string`],
    })),
  ])("$name", ({ schema, example, problems }) => {
    expect(checkExamples(specWith(schema, example))).toEqual(problems);
  });
});
