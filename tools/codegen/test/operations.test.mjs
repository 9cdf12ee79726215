// operationIndex: the run-time facts of each client operation, read from a spec. One table per
// fact; each row is a path item as a spec would write it and the entry codegen must derive.
import { describe, expect, it } from "vitest";
import { operationIndex } from "../src/operations.mjs";

const auditUser = { in: "query", name: "auditUser", required: true, schema: { type: "string" } };
const ok = { responses: { 200: { description: "ok" } } };
const docWith = (pathItem, components = {}) => ({ paths: { "/v1/items": pathItem }, components });
const entryOf = (pathItem, key = "GET /v1/items", components = {}) =>
  operationIndex(docWith(pathItem, components))[key];

describe("operationIndex: audit user", () => {
  it.each([
    { name: "taken on the operation", pathItem: { get: { operationId: "list", parameters: [auditUser], ...ok } } },
    { name: "taken on the path item", pathItem: { parameters: [auditUser], get: { operationId: "list", ...ok } } },
    {
      name: "taken through a $ref",
      pathItem: { get: { operationId: "list", parameters: [{ $ref: "#/components/parameters/AuditUser" }], ...ok } },
    },
  ])("is left implied when $name", ({ pathItem }) => {
    expect(entryOf(pathItem, "GET /v1/items", { parameters: { AuditUser: auditUser } })).toEqual({
      operationId: "list",
    });
  });

  it.each([
    { name: "no auditUser at all", parameters: [] },
    { name: "auditUser in a header", parameters: [{ ...auditUser, in: "header" }] },
  ])("is marked absent with $name, so the client does not send one", ({ parameters }) => {
    expect(entryOf({ get: { operationId: "list", parameters, ...ok } })).toEqual({
      operationId: "list",
      auditUser: false,
    });
  });
});

describe("operationIndex: idempotency", () => {
  const header = (name) => ({ in: "header", name, schema: { type: "string" } });
  it.each([
    { header: "X-Idempotency-Key", expected: "X-Idempotency-Key" },
    { header: "x-idempotency-key", expected: "x-idempotency-key" },
    { header: "Idempotency-Key", expected: undefined },
    { header: "X-Request-Id", expected: undefined },
  ])("header $header -> idempotencyHeader $expected", ({ header: name, expected }) => {
    const entry = entryOf(
      { post: { operationId: "create", parameters: [auditUser, header(name)], ...ok } },
      "POST /v1/items",
    );
    expect(entry.idempotencyHeader).toBe(expected);
  });

  it("does not take the key from a query parameter of the same name", () => {
    const query = { in: "query", name: "X-Idempotency-Key", schema: { type: "string" } };
    const entry = entryOf({ post: { operationId: "create", parameters: [auditUser, query], ...ok } }, "POST /v1/items");
    expect(entry).toEqual({ operationId: "create" });
  });
});

describe("operationIndex: deprecation", () => {
  it.each([
    { deprecated: true, expected: { operationId: "list", deprecated: true } },
    { deprecated: false, expected: { operationId: "list" } },
    { deprecated: undefined, expected: { operationId: "list" } },
  ])("deprecated: $deprecated", ({ deprecated, expected }) => {
    expect(entryOf({ get: { operationId: "list", deprecated, parameters: [auditUser], ...ok } })).toEqual(expected);
  });
});

describe("operationIndex: paging", () => {
  const page = { in: "query", name: "page", schema: { type: "integer" } };
  const size = { in: "query", name: "size", schema: { type: "integer", minimum: 1, maximum: 50, default: 10 } };
  const list = {
    responses: {
      200: {
        content: {
          "application/json": { schema: { type: "object", properties: { data: { type: "array", items: {} } } } },
        },
      },
    },
  };
  it.each([
    {
      name: "page and size with a data list",
      parameters: [auditUser, page, size],
      paging: { style: "page", items: ["data"], sizeMin: 1, sizeMax: 50, sizeDefault: 10 },
    },
    { name: "size alone", parameters: [auditUser, size], paging: undefined },
    { name: "page alone", parameters: [auditUser, page], paging: undefined },
  ])("$name", ({ parameters, paging }) => {
    expect(entryOf({ get: { operationId: "list", parameters, ...list } }).paging).toEqual(paging);
  });
});

describe("operationIndex: filters", () => {
  const filter = (extension) => ({
    in: "query",
    name: "filter",
    schema: { type: "string" },
    "x-enfuce-filter": extension,
  });
  it.each([
    {
      name: "an enum field lists its values",
      extension: { operators: ["eq"], fields: { status: { enum: ["OPEN", "CLOSED"] } } },
      expected: { parameter: "filter", operators: ["eq"], fields: { status: ["OPEN", "CLOSED"] } },
    },
    {
      name: "a field through a $ref to an enum",
      extension: { operators: ["eq", "or"], fields: { status: { $ref: "#/components/schemas/Status" } } },
      expected: { parameter: "filter", operators: ["eq", "or"], fields: { status: ["A", "B"] } },
    },
    {
      name: "a free field is null",
      extension: { operators: ["eq"], fields: { reference: { type: "string" } } },
      expected: { parameter: "filter", operators: ["eq"], fields: { reference: null } },
    },
    {
      name: "no fields",
      extension: { operators: ["eq"] },
      expected: { parameter: "filter", operators: ["eq"], fields: {} },
    },
  ])("$name", ({ extension, expected }) => {
    const components = { schemas: { Status: { type: "string", enum: ["A", "B"] } } };
    const pathItem = { get: { operationId: "list", parameters: [auditUser, filter(extension)], ...ok } };
    expect(entryOf(pathItem, "GET /v1/items", components).filter).toEqual(expected);
  });

  it("has no filter where no query parameter declares x-enfuce-filter", () => {
    const plain = { in: "query", name: "filter", schema: { type: "string" } };
    expect(entryOf({ get: { operationId: "list", parameters: [auditUser, plain], ...ok } }).filter).toBeUndefined();
  });
});

describe("operationIndex: keys", () => {
  it("keys every operation of every path as `METHOD /path`, webhooks left out", () => {
    const doc = {
      paths: {
        "/v1/items": { get: { operationId: "list", ...ok }, post: { operationId: "create", ...ok } },
        "/v1/items/{id}": { delete: { operationId: "remove", ...ok }, summary: "not an operation" },
      },
      webhooks: { event: { post: { operationId: "event", ...ok } } },
    };
    expect(Object.keys(operationIndex(doc))).toEqual(["GET /v1/items", "POST /v1/items", "DELETE /v1/items/{id}"]);
  });
});
