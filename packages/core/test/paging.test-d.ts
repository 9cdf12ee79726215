// paginate() is typed per style: the items are the elements of the list the spec's paging points
// at, pages are whole answers, and an operation that does not page is a type error.
import { describe, expectTypeOf, test } from "vitest";
import type { PageIterator } from "../src/index";
import {
  type Account,
  type Batch,
  type Card,
  createPagedClient,
  type Script,
  type ScriptList,
  type Transfer,
} from "./support/paged-api";

const client = createPagedClient({
  credentials: { username: "u", password: "p" },
  auditUser: "backoffice",
  baseUrl: "http://127.0.0.1:9",
});

describe("items and pages per style", () => {
  test("a plain list", () => {
    expectTypeOf(client.paginate("/cards")).toEqualTypeOf<PageIterator<Card, Card[]>>();
  });

  test("a list, or one item on its own", () => {
    expectTypeOf(client.paginate("/accounts")).toEqualTypeOf<PageIterator<Account, Account[] | Account>>();
  });

  test("another wrapper", () => {
    const iterator = client.paginate("/plastics/{plasticId}/scripts", { params: { path: { plasticId: "p" } } });
    expectTypeOf(iterator).toEqualTypeOf<PageIterator<Script, ScriptList>>();
  });

  test("an untyped list", () => {
    expectTypeOf(client.paginate("/agreements")).toEqualTypeOf<PageIterator<unknown, unknown>>();
  });

  test("a continuation key, which the caller may give to resume", () => {
    const iterator = client.paginate("/batches/{id}", {
      params: { path: { id: "b" }, query: { exclusiveStartKey: { transferId: "t" } } },
    });
    expectTypeOf(iterator).toEqualTypeOf<PageIterator<Transfer, Batch>>();
  });
});

describe("what paginate refuses", () => {
  test("an operation that does not page", () => {
    // @ts-expect-error not a paged list operation
    client.paginate("/cards/{cardId}", { params: { path: { cardId: "c" } } });
  });

  test("a missing path parameter", () => {
    // @ts-expect-error the path parameter is required
    client.paginate("/batches/{id}");
  });
});
