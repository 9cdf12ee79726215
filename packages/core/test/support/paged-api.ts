// A tiny API with a list in each paging style the specs use, in the shapes codegen produces:
// a plain list, a list or one item on its own, another wrapper, an untyped list and a
// continuation key. (The `{ pagination, data }` wrapper is `GET /items` of test-api.ts.)
import { type ClientOptions, createEnfuceClient, type DomainSpec, type EnfuceClient } from "../../src/index";

const sizes = { sizeMin: 1, sizeMax: 10, sizeDefault: 3 } as const;

export const pagedSpec = {
  domain: "paged",
  serverUrl: "https://integration-api-cat2.{environment}.ext.{realm}.cia.enfuce.com/paged",
  operations: {
    "GET /cards": { operationId: "listCards", paging: { style: "page", items: [], ...sizes } },
    "GET /cards/{cardId}": { operationId: "getCard" },
    "GET /accounts": { operationId: "listAccounts", paging: { style: "page", items: [], single: true, ...sizes } },
    "GET /plastics/{plasticId}/scripts": {
      operationId: "listScripts",
      paging: { style: "page", items: ["emvScripts"], ...sizes },
    },
    "GET /agreements": { operationId: "listAgreements", paging: { style: "page", items: [], ...sizes } },
    "GET /batches/{id}": {
      operationId: "getBatch",
      paging: {
        style: "key",
        items: ["transfers", "items"],
        startKey: "exclusiveStartKey",
        nextKey: ["transfers", "lastEvaluatedKey"],
        sizeMin: 1,
        sizeMax: 50,
        sizeDefault: null,
      },
    },
  },
} as const satisfies DomainSpec;

export interface Card {
  id: string;
}
export interface Account {
  id: string;
}
export interface Script {
  id: string;
}
export interface ScriptList {
  plasticId?: string;
  emvScripts?: Script[];
}
export interface TransferKey {
  batchTransferId?: string;
  transferId?: string;
}
export interface Transfer {
  id: string;
}
export interface Batch {
  id?: string;
  status?: string;
  transfers: { lastEvaluatedKey?: TransferKey; size?: number; items?: Transfer[] };
}

type Json<T> = { headers: { [name: string]: unknown }; content: { "application/json": T } };
type Get<Query, Path, Answer> = {
  parameters: { query: { auditUser: string } & Query; header?: never; cookie?: never } & ([Path] extends [never]
    ? { path?: never }
    : { path: Path });
  requestBody?: never;
  responses: { 200: Json<Answer> };
};
type PageQuery = { page?: number; size?: number };
type Only<Operation> = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  get: Operation;
  put?: never;
  post?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};

export interface paths {
  "/cards": Only<Get<PageQuery, never, Card[]>>;
  "/cards/{cardId}": Only<Get<object, { cardId: string }, Card>>;
  "/accounts": Only<Get<PageQuery, never, Account[] | Account>>;
  "/plastics/{plasticId}/scripts": Only<Get<PageQuery, { plasticId: string }, ScriptList>>;
  "/agreements": Only<Get<PageQuery, never, unknown>>;
  "/batches/{id}": Only<Get<{ exclusiveStartKey?: TransferKey; size?: number }, { id: string }, Batch>>;
}

export type PagedClient = EnfuceClient<paths, typeof pagedSpec>;

export function createPagedClient(options: ClientOptions): PagedClient {
  return createEnfuceClient<paths, typeof pagedSpec>(options, pagedSpec);
}
