// How codegen decides the paging of a list operation: from the answer's shape, or from
// x-enfuce-paging where the shape cannot tell; and the error where neither says.
import { describe, expect, it } from "vitest";
import { describePaging, pagingOf } from "../src/paging.mjs";

const pageAndSize = [
  { in: "query", name: "page", schema: { type: "integer", minimum: 0 } },
  { in: "query", name: "size", schema: { type: "integer", minimum: 1, maximum: 30, default: 15 } },
];
const sizes = { sizeMin: 1, sizeMax: 30, sizeDefault: 15 };
const answering = (schema, extra = {}) => ({
  responses: { 200: { content: { "application/json": { schema } } } },
  ...extra,
});
const doc = {
  components: {
    schemas: {
      Card: { type: "object", properties: { id: { type: "string" } } },
      Page: { type: "object", properties: { pages: { type: "integer" } } },
      Batch: {
        allOf: [
          { type: "object", properties: { id: { type: "string" } } },
          {
            type: "object",
            properties: {
              transfers: {
                type: "object",
                properties: { items: { type: "array", items: {} }, lastEvaluatedKey: { type: "object" } },
              },
            },
          },
        ],
      },
    },
  },
};
const card = { $ref: "#/components/schemas/Card" };

describe("inferred from the answer's shape", () => {
  it.each([
    { name: "an array", schema: { type: "array", items: card }, paging: { style: "page", items: [] } },
    {
      name: "a list or one item",
      schema: { oneOf: [{ type: "array", items: card }, card] },
      paging: { style: "page", items: [], single: true },
    },
    {
      name: "a { pagination, data } wrapper",
      schema: {
        type: "object",
        properties: { pagination: { $ref: "#/components/schemas/Page" }, data: { type: "array", items: card } },
      },
      paging: { style: "page", items: ["data"], pages: ["pagination", "pages"] },
    },
    {
      name: "data without a page count",
      schema: { type: "object", properties: { data: { type: "array", items: card } } },
      paging: { style: "page", items: ["data"] },
    },
    {
      name: "another wrapper with one list",
      schema: {
        type: "object",
        properties: { plasticId: { type: "string" }, emvScripts: { type: "array", items: {} } },
      },
      paging: { style: "page", items: ["emvScripts"] },
    },
  ])("$name", ({ schema, paging }) => {
    expect(pagingOf(doc, pageAndSize, answering(schema), "GET /x")).toEqual({ ...paging, ...sizes });
  });

  it("an operation without page and size does not page", () => {
    expect(pagingOf(doc, [], answering({ type: "array", items: card }), "GET /x")).toBeUndefined();
  });

  it.each([
    { name: "an untyped answer", schema: { description: "undocumented" } },
    {
      name: "an object with two lists",
      schema: { type: "object", properties: { a: { type: "array" }, b: { type: "array" } } },
    },
  ])("$name stops the generator, naming the operation", ({ schema }) => {
    expect(() => pagingOf(doc, pageAndSize, answering(schema), "GET /x (listX)")).toThrow(
      /GET \/x \(listX\): takes page and size, but the answer's shape does not show where the items are: declare x-enfuce-paging/,
    );
  });
});

describe("declared with x-enfuce-paging", () => {
  const key = { in: "query", name: "exclusiveStartKey", schema: { type: "object" } };
  const size = pageAndSize[1];

  it("a continuation key", () => {
    const operation = answering(
      { $ref: "#/components/schemas/Batch" },
      {
        "x-enfuce-paging": {
          style: "key",
          items: "transfers.items",
          startKey: "exclusiveStartKey",
          nextKey: "transfers.lastEvaluatedKey",
        },
      },
    );
    expect(pagingOf(doc, [key, size], operation, "GET /b")).toEqual({
      style: "key",
      items: ["transfers", "items"],
      startKey: "exclusiveStartKey",
      nextKey: ["transfers", "lastEvaluatedKey"],
      ...sizes,
    });
  });

  it("a plain list whose answer is untyped", () => {
    const operation = answering({ description: "undocumented" }, { "x-enfuce-paging": { style: "page" } });
    expect(pagingOf(doc, pageAndSize, operation, "GET /a")).toEqual({ style: "page", items: [], ...sizes });
  });

  it.each([
    {
      name: "an unknown style",
      paging: { style: "cursor" },
      parameters: pageAndSize,
      error: /style must be "page" or "key"/,
    },
    {
      name: "page style without page",
      paging: { style: "page" },
      parameters: [size],
      error: /needs the query parameters page and size/,
    },
    {
      name: "key style without its parameter",
      paging: { style: "key", startKey: "from", nextKey: "transfers.lastEvaluatedKey" },
      parameters: [size],
      error: /startKey, a query parameter/,
    },
    {
      name: "key style without nextKey",
      paging: { style: "key", startKey: "exclusiveStartKey" },
      parameters: [key],
      error: /needs nextKey/,
    },
    {
      name: "a member the typed answer does not have",
      paging: {
        style: "key",
        items: "transfers.list",
        startKey: "exclusiveStartKey",
        nextKey: "transfers.lastEvaluatedKey",
      },
      parameters: [key],
      error: /items names transfers.list, which the answer does not have/,
    },
  ])("refuses $name", ({ paging, parameters, error }) => {
    const operation = answering({ $ref: "#/components/schemas/Batch" }, { "x-enfuce-paging": paging });
    expect(() => pagingOf(doc, parameters, operation, "GET /b")).toThrow(error);
  });
});

describe("describePaging, for the README", () => {
  it.each([
    { paging: { style: "page", items: [] }, style: "`page`/`size`; the answer is the list" },
    {
      paging: { style: "page", items: ["data"], pages: ["pagination", "pages"] },
      end: "the last page `pagination.pages` announces, else a page shorter than `size`, or an empty one",
    },
    {
      paging: { style: "key", items: ["t", "items"], startKey: "k", nextKey: ["t", "next"] },
      style: "continuation key: `k` from `t.next`; items in `t.items`",
      end: "an answer without `t.next`",
    },
  ])("$paging.style $paging.items", ({ paging, style, end }) => {
    const described = describePaging(paging);
    if (style) expect(described.style).toBe(style);
    if (end) expect(described.end).toBe(end);
  });
});
