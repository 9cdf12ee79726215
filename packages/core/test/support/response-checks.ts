// Response checks for the test API in the form codegen emits them: tolerant validators compiled by
// ajv with the options the generator uses (JSON Schema 2020-12, every error), and drift nodes.
import Ajv2020 from "ajv/dist/2020.js";
import type { CompiledValidator, DriftNode, ResponseChecks } from "../../src/index";

const ajv = new Ajv2020({ allErrors: true, strict: false });

// The received form: the open enum `status` is any string; types and required members stay.
const item = {
  type: "object",
  required: ["id", "status"],
  properties: { id: { type: "string" }, status: { type: "string" }, reference: { type: "string" } },
};
const itemList = {
  type: "object",
  properties: {
    pagination: { type: "object", properties: { page: { type: "integer" }, pages: { type: "integer" } } },
    data: { type: "array", items: item },
  },
};
const compile = (schema: object) => ajv.compile(schema) as unknown as CompiledValidator;

export const driftNodes: { [name: string]: DriftNode } = {
  any: {},
  Item: { members: { id: "any", status: "ItemStatus", reference: "any" } },
  ItemStatus: { values: ["OPEN", "CLOSED", "OVERDUE"] },
  ItemList: { members: { pagination: "Pagination", data: "Items" } },
  Items: { items: "Item" },
  Pagination: { members: { page: "any", pages: "any" } },
};

export const testResponseChecks: ResponseChecks = {
  responseChecks: {
    "GET /items/{itemId}": { "200": { received: compile(item), drift: "Item" } },
    "GET /items": { "2XX": { received: compile(itemList), drift: "ItemList" } },
    "POST /items": { "201": { received: compile(item), drift: "Item" } },
    "DELETE /items/{itemId}": { "204": { received: null, drift: null } },
  },
  driftNodes,
};
