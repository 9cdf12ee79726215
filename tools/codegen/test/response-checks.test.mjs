// The response checks of a small spec: which answers get a check, validators shared with the
// sandbox's where both forms agree, drift nodes named by the operation, and the TypeScript the
// validators entry carries.
import { describe, expect, it } from "vitest";
import { createRoots, describeOperations } from "../src/operation-validators.mjs";
import { describeResponseChecks, renderResponseChecks } from "../src/response-checks.mjs";
import { openEnums, receivedComponents } from "../src/tolerance.mjs";

const json = (schema) => ({ content: { "application/json": { schema } } });
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const doc = {
  openapi: "3.1.0",
  paths: {
    "/cards/{id}": {
      get: { operationId: "getCard", responses: { 200: json(ref("Card")), 404: json(ref("Error")) } },
      delete: { operationId: "deleteCard", responses: { 204: { description: "gone" } } },
    },
    "/cards": {
      post: { operationId: "createCard", responses: { "2XX": json(ref("Card")) } },
      get: {
        operationId: "listCards",
        responses: { 200: json({ type: "object", properties: { data: { type: "array", items: ref("Card") } } }) },
      },
    },
    "/limits": { get: { operationId: "getLimits", responses: { 200: json(ref("Limits")) } } },
  },
  components: {
    schemas: {
      Card: { type: "object", required: ["id"], properties: { id: { type: "string" }, status: ref("Status") } },
      Status: { type: "string", enum: ["ACTIVE", "CLOSED"] },
      Limits: { type: "object", properties: { max: { type: "integer" } } },
      Error: { type: "object", properties: { message: { type: "string" } } },
    },
  },
};

function describeModule() {
  const roots = createRoots();
  const operations = describeOperations(doc, roots).operations;
  const { doc: bothForms, received } = receivedComponents(doc);
  const open = openEnums(doc);
  const checks = describeResponseChecks(doc, received, (schema) => open.has(schema), roots);
  return { operations, bothForms, ...checks };
}

describe("describeResponseChecks", () => {
  const result = describeModule();

  it("checks each documented 2xx answer, never an error answer; an answer without a body has nothing to check", () => {
    expect(result.checks).toEqual({
      "GET /cards/{id}": { 200: { received: "received_Card", drift: "Card" } },
      "DELETE /cards/{id}": { 204: { received: null, drift: null } },
      "POST /cards": { "2XX": { received: "received_Card", drift: "Card" } },
      "GET /cards": { 200: { received: "listCardsReceived200", drift: "listCards 200" } },
      "GET /limits": { 200: { received: "Limits", drift: "Limits" } },
    });
  });

  it("adds a received-form validator only where that form differs, sharing the sandbox's otherwise", () => {
    expect(result.operations["GET /limits"].responses[200]).toBe("Limits");
    expect(result.roots.received_Card).toEqual(ref("received.Card"));
    expect(result.roots.listCardsReceived200.properties.data.items).toEqual(ref("received.Card"));
    // Card reads differently (its status is an open enum), Limits and Error do not.
    expect(Object.keys(result.bothForms.components.schemas).filter((name) => name.startsWith("received."))).toEqual([
      "received.Card",
      "received.Status",
    ]);
    expect(result.bothForms.components.schemas["received.Status"]).toEqual({ type: "string" });
  });

  it("names inline answers' nodes after the operation and status", () => {
    expect(result.nodes["listCards 200"]).toEqual({ members: { data: "listCards 200.data" } });
    expect(result.nodes["listCards 200.data"]).toEqual({ items: "Card" });
    expect(result.nodes.Card).toEqual({ members: { id: "any", status: "Status" } });
    expect(result.nodes.Status).toEqual({ values: ["ACTIVE", "CLOSED"] });
  });

  it("renders the tables the validators entry exports", () => {
    const text = renderResponseChecks(result);
    expect(text).toContain('"GET /cards/{id}": { "200": { received: validators.received_Card, drift: "Card" } },');
    expect(text).toContain('"DELETE /cards/{id}": { "204": { received: null, drift: null } },');
    expect(text).toContain('export const driftNodes: ResponseChecks["driftNodes"] = {');
  });
});
