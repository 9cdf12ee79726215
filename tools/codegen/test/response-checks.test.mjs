// The response checks of a small spec: which answers get a check, validators shared by schema,
// drift nodes named by the operation, and the TypeScript the validators entry carries.
import { describe, expect, it } from "vitest";
import { describeResponseChecks, renderResponseChecks } from "../src/response-checks.mjs";

const json = (schema) => ({ content: { "application/json": { schema } } });
const doc = {
  openapi: "3.1.0",
  paths: {
    "/cards/{id}": {
      get: {
        operationId: "getCard",
        responses: {
          200: json({ $ref: "#/components/schemas/Card" }),
          404: json({ $ref: "#/components/schemas/Error" }),
        },
      },
      delete: { operationId: "deleteCard", responses: { 204: { description: "gone" } } },
    },
    "/cards": {
      post: { operationId: "createCard", responses: { "2XX": json({ $ref: "#/components/schemas/Card" }) } },
      get: {
        operationId: "listCards",
        responses: {
          200: json({
            type: "object",
            properties: { data: { type: "array", items: { $ref: "#/components/schemas/Card" } } },
          }),
        },
      },
    },
  },
  components: {
    schemas: {
      Card: { type: "object", required: ["id"], properties: { id: { type: "string" }, status: { enum: ["ACTIVE"] } } },
      Error: { type: "object", properties: { message: { type: "string" } } },
    },
  },
};
// As tolerance.mjs would make it: the open enum's list left out.
const received = structuredClone(doc);
received.components.schemas.Card.properties.status = { type: "string" };

describe("describeResponseChecks", () => {
  const result = describeResponseChecks(doc, received, () => true);

  it("checks each documented 2xx answer, never an error answer; an answer without a body has nothing to check", () => {
    expect(result.checks).toEqual({
      "GET /cards/{id}": { 200: { received: "getCardReceived200", drift: "Card" } },
      "DELETE /cards/{id}": { 204: { received: null, drift: null } },
      "POST /cards": { "2XX": { received: "getCardReceived200", drift: "Card" } },
      "GET /cards": { 200: { received: "listCardsReceived200", drift: "listCards 200" } },
    });
  });

  it("compiles the received form, one validator per distinct schema", () => {
    expect(result.roots).toEqual({
      getCardReceived200: { $ref: "#/components/schemas/Card" },
      listCardsReceived200: received.paths["/cards"].get.responses[200].content["application/json"].schema,
    });
  });

  it("names inline answers' nodes after the operation and status", () => {
    expect(result.nodes["listCards 200"]).toEqual({ members: { data: "listCards 200.data" } });
    expect(result.nodes["listCards 200.data"]).toEqual({ items: "Card" });
    expect(result.nodes.Card).toEqual({ members: { id: "any", status: "Card.status" } });
  });

  it("renders the tables the validators entry exports", () => {
    const text = renderResponseChecks(result);
    expect(text).toContain('"GET /cards/{id}": { "200": { received: validators.getCardReceived200, drift: "Card" } },');
    expect(text).toContain('"DELETE /cards/{id}": { "204": { received: null, drift: null } },');
    expect(text).toContain('export const driftNodes: ResponseChecks["driftNodes"] = {');
  });
});
