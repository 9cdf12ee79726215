// The one walk over a spec's operations: what it visits, in which order, and what it hands over.
import { describe, expect, it } from "vitest";
import { eachOperation, hasOperations, listOperations, METHODS, operationKey, parametersOf } from "../src/walk.mjs";

const op = (operationId) => ({ operationId });
const doc = {
  paths: {
    "/v1/b": { post: op("createB"), get: op("listB"), parameters: [{ $ref: "#/components/parameters/Shared" }] },
    "/v1/a/{id}": { trace: op("traceA"), patch: op("patchA"), summary: "not an operation", servers: [] },
  },
  webhooks: { "event/created": { post: op("eventCreated") } },
  components: { parameters: { Shared: { in: "query", name: "auditUser" } } },
};
const visited = (section) => listOperations(doc, section).map(({ key, method }) => `${method} ${key}`);

describe("eachOperation", () => {
  it("visits paths as written and methods in the order of the OpenAPI specification", () => {
    expect(visited("paths")).toEqual(["get /v1/b", "post /v1/b", "patch /v1/a/{id}", "trace /v1/a/{id}"]);
  });

  it("visits webhooks by name, with the operation's JSON pointer", () => {
    const [visit] = listOperations(doc, "webhooks");
    expect(visit).toMatchObject({ key: "event/created", method: "post", pointer: "/webhooks/event~1created/post" });
    expect(visit.operation).toBe(doc.webhooks["event/created"].post);
  });

  it.each([
    { name: "no paths", spec: {}, count: 0 },
    { name: "an empty path item", spec: { paths: { "/x": {} } }, count: 0 },
    { name: "a null path item", spec: { paths: { "/x": null } }, count: 0 },
    {
      name: "one of each method",
      spec: { paths: { "/x": Object.fromEntries(METHODS.map((m) => [m, op(m)])) } },
      count: 8,
    },
  ])("counts $count operations in $name", ({ spec, count }) => {
    let seen = 0;
    eachOperation(spec, "paths", () => seen++);
    expect(seen).toBe(count);
    expect(hasOperations(spec, "paths")).toBe(count > 0);
  });
});

describe("helpers", () => {
  it("resolves path-item parameters first, then the operation's", () => {
    const visit = listOperations(doc, "paths")[0];
    visit.operation = { ...visit.operation, parameters: [{ in: "header", name: "x-own" }] };
    expect(parametersOf(doc, visit)).toEqual([
      { in: "query", name: "auditUser" },
      { in: "header", name: "x-own" },
    ]);
  });

  it("keys operations as the core's DomainSpec does", () => {
    expect(operationKey("get", "/v1/{id}")).toBe("GET /v1/{id}");
  });
});
