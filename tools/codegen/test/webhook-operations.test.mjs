// webhookOperations: what a receiver and a test sender know about each webhook, read from a spec.
import { describe, expect, it } from "vitest";
import { SpecError } from "../src/spec-problems.mjs";
import { webhookOperations } from "../src/webhook-operations.mjs";

const body = { type: "object", properties: { id: { type: "string" } } };
const accepted = { 201: { content: { "application/json": { schema: body, example: { id: "ok" } } } } };
const webhook = (operation, pathItem = {}) => ({
  webhooks: {
    event: {
      ...pathItem,
      post: { operationId: "receiveEvent", "x-enfuce-path": "/v1/event", responses: accepted, ...operation },
    },
  },
  components: {
    parameters: { Trace: { in: "header", name: "X-Trace", required: true, example: "t-1" } },
    examples: { Plain: { value: { id: "from-ref" } } },
  },
});
const only = (doc) => {
  const [operation, ...rest] = webhookOperations(doc);
  expect(rest).toEqual([]);
  return operation;
};

describe("webhookOperations", () => {
  it("reads the served path, the answer and the defaults where the spec says nothing more", () => {
    expect(only(webhook({ summary: "An event" }))).toEqual({
      name: "event",
      operationId: "receiveEvent",
      summary: "An event",
      method: "POST",
      path: "/v1/event",
      deprecated: false,
      timeoutMs: null,
      idField: null,
      idParameter: null,
      pathParameters: [],
      parameterExamples: {},
      headers: {},
      successStatus: 201,
      unknownVariant: null,
      requestSchema: null,
      responseSchema: body,
      requestExamples: {},
      responseExamples: { default: { id: "ok" } },
    });
  });

  it.each([
    { name: "time limit", operation: { "x-enfuce-timeout-ms": 1500 }, facts: { timeoutMs: 1500 } },
    { name: "deduplication id", operation: { "x-enfuce-id-field": "id" }, facts: { idField: "id" } },
    {
      name: "deduplication id in a path parameter",
      operation: { "x-enfuce-id-parameter": "sessionId" },
      facts: { idParameter: "sessionId" },
    },
    {
      name: "the unknown variant of a union of payloads",
      operation: {
        requestBody: {
          content: {
            "application/json": {
              schema: {
                oneOf: [
                  { type: "object", properties: { type: { const: "ACCOUNT" } } },
                  { type: "object", properties: { type: { type: "string", not: { enum: ["ACCOUNT"] } } } },
                ],
              },
            },
          },
        },
      },
      facts: { unknownVariant: { property: "type", knownValues: ["ACCOUNT"] } },
    },
    { name: "deprecation", operation: { deprecated: true }, facts: { deprecated: true } },
    {
      name: "path parameters the path template names, with their examples",
      operation: {
        "x-enfuce-path": "/v1/event/{eventId}",
        "x-enfuce-path-parameters": [{ in: "path", name: "eventId", schema: { type: "string", examples: ["e-9"] } }],
      },
      facts: { path: "/v1/event/{eventId}", pathParameters: ["eventId"], parameterExamples: { eventId: "e-9" } },
    },
    {
      name: "required headers, lower case, from a $ref on the path item",
      pathItem: { parameters: [{ $ref: "#/components/parameters/Trace" }] },
      facts: { headers: { "x-trace": "t-1" } },
    },
    {
      name: "optional headers left out",
      operation: { parameters: [{ in: "header", name: "X-Optional", example: "o" }] },
      facts: { headers: {} },
    },
    {
      name: "request examples, named, through $refs",
      operation: {
        requestBody: {
          content: {
            "application/json": { schema: body, examples: { plain: { $ref: "#/components/examples/Plain" } } },
          },
        },
      },
      facts: { requestSchema: body, requestExamples: { plain: { id: "from-ref" } } },
    },
    {
      name: "an answer without a body",
      operation: { responses: { 204: { description: "accepted" } } },
      facts: { successStatus: 204, responseSchema: null, responseExamples: {} },
    },
  ])("$name", ({ operation = {}, pathItem = {}, facts }) => {
    expect(only(webhook(operation, pathItem))).toMatchObject(facts);
  });

  it.each([
    { name: "no x-enfuce-path", operation: { "x-enfuce-path": undefined }, message: "x-enfuce-path is required" },
    {
      name: "no 2xx answer",
      operation: { responses: { 400: {} } },
      message: "a webhook needs a documented 2xx answer",
    },
  ])("stops the generator on $name, naming the webhook", ({ operation, message }) => {
    expect(() => webhookOperations(webhook(operation))).toThrow(SpecError);
    expect(() => webhookOperations(webhook(operation))).toThrow(`/webhooks/event/post: ${message}`);
  });

  it("has none where the spec has no webhooks", () => {
    expect(webhookOperations({ paths: {} })).toEqual([]);
  });
});
