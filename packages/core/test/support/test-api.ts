// A tiny API in the shapes codegen produces (a DomainSpec and an openapi-typescript `paths`), so the
// core is proven without depending on any domain package.
import {
  type ClientOptions,
  createEnfuceClient,
  type DomainSpec,
  type EnfuceClient,
  type ResponseChecksLoader,
} from "../../src/index";

export const testSpec = {
  domain: "test",
  serverUrl: "https://integration-api-cat2.{environment}.ext.{realm}.cia.enfuce.com/test",
  operations: {
    "GET /items": {
      operationId: "listItems",
      paging: {
        style: "page",
        items: ["data"],
        pages: ["pagination", "pages"],
        sizeMin: 1,
        sizeMax: 50,
        sizeDefault: 10,
      },
      filter: {
        parameter: "filter",
        operators: ["eq", "or"],
        fields: { status: ["OPEN", "CLOSED", "OVERDUE"], reference: null },
      },
    },
    "POST /items": { operationId: "createItem" },
    "GET /items/{itemId}": { operationId: "getItem" },
    "DELETE /items/{itemId}": { operationId: "deleteItem" },
    "PUT /items/{itemId}": { operationId: "replaceItem" },
    "PATCH /items/{itemId}": { operationId: "updateItem" },
    "HEAD /items/{itemId}": { operationId: "checkItem" },
    "OPTIONS /items/{itemId}": { operationId: "itemOptions" },
    "POST /payments": { operationId: "createPayment", idempotencyHeader: "x-idempotency-key" },
  },
} as const satisfies DomainSpec;

export interface Item {
  id: string;
  status: "OPEN" | "CLOSED" | "OVERDUE";
  reference?: string;
}
export interface ItemList {
  pagination?: { page: number; pages: number; elements: number; size: number };
  data?: Item[];
}
export interface Payment {
  id: string;
  amount: number;
}
export interface ErrorBody {
  message?: string;
}

type Json<T> = { headers: { [name: string]: unknown }; content: { "application/json": T } };
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type Errors = { 400: Json<ErrorBody>; 404: Json<ErrorBody>; 500: Json<ErrorBody> };
type Query<Extra = object> = { auditUser: string } & Extra;
type Unused = { put?: never; options?: never; head?: never; patch?: never; trace?: never };
type ItemParameters = { query: Query; header?: never; path: { itemId: string }; cookie?: never };
type NoPathLevelParameters = { parameters: { query?: never; header?: never; path?: never; cookie?: never } };

export interface paths {
  "/items": NoPathLevelParameters &
    Unused & {
      get: {
        parameters: {
          query: Query<{ page?: number; size?: number; filter?: string }>;
          header?: never;
          path?: never;
          cookie?: never;
        };
        requestBody?: never;
        responses: { 200: Json<ItemList> } & Errors;
      };
      post: {
        parameters: { query: Query; header?: never; path?: never; cookie?: never };
        requestBody: { content: { "application/json": { reference: string } } };
        responses: { 201: Json<Item> } & Errors;
      };
      delete?: never;
    };
  "/items/{itemId}": NoPathLevelParameters & {
    get: {
      parameters: ItemParameters;
      requestBody?: never;
      responses: { 200: Json<Item> } & Errors;
    };
    delete: {
      parameters: ItemParameters;
      requestBody?: never;
      responses: { 204: NoContent } & Errors;
    };
    put: {
      parameters: ItemParameters;
      requestBody: { content: { "application/json": Item } };
      responses: { 200: Json<Item> } & Errors;
    };
    patch: {
      parameters: ItemParameters;
      requestBody: { content: { "application/json": { reference: string } } };
      responses: { 200: Json<Item> } & Errors;
    };
    head: {
      parameters: ItemParameters;
      requestBody?: never;
      responses: { 200: NoContent; 404: NoContent };
    };
    options: {
      parameters: ItemParameters;
      requestBody?: never;
      responses: { 204: NoContent } & Errors;
    };
    post?: never;
    trace?: never;
  };
  "/payments": NoPathLevelParameters &
    Unused & {
      post: {
        parameters: { query: Query; header?: { "x-idempotency-key"?: string }; path?: never; cookie?: never };
        requestBody: { content: { "application/json": { amount: number } } };
        responses: { 201: Json<Payment> } & Errors;
      };
      get?: never;
      delete?: never;
    };
}

export type TestClient<Options extends ClientOptions = ClientOptions> = EnfuceClient<paths, typeof testSpec, Options>;

/** What a generated `create<Domain>Client` does, over the test API; `loadResponseChecks` stands for its validators entry. */
export function createTestClient<const Options extends ClientOptions>(
  options: Options,
  loadResponseChecks?: ResponseChecksLoader,
): TestClient<Options> {
  return createEnfuceClient<paths, typeof testSpec, Options>(options, testSpec, undefined, loadResponseChecks);
}
