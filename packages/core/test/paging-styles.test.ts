// paginate() in every style the specs use besides the `{ pagination, data }` wrapper (paginate.test.ts):
// a plain list, a list or one item on its own, another wrapper, an untyped list, and a continuation key.

import { reply, useFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { credentials } from "@enfuce-sdk/test-kit/leak-watch";
import { describe, expect, test } from "vitest";
import { ConfigurationError, NotFoundError, ResponseParseError } from "../src/index";
import { captureError, FAST_BACKOFF } from "./support/harness";
import { type Batch, createPagedClient } from "./support/paged-api";

const server = useFaultServer();

const connectPaged = () =>
  createPagedClient({
    credentials,
    auditUser: "proof-suite",
    baseUrl: server.url,
    retryBackoff: FAST_BACKOFF,
    logLevel: "off",
  });
const ids = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => ({ id: `c-${from + index}` }));

/** Answers `route` with `total` items in pages of the requested size; `wrap` shapes the answer. */
function servePages(
  route: `GET /${string}`,
  total: number,
  wrap: (items: { id: string }[]) => unknown = (items) => items,
) {
  server.handle(route, (request) => {
    const page = Number(request.query.get("page"));
    const size = Number(request.query.get("size"));
    return reply.json(200, wrap(ids(0, total).slice(page * size, (page + 1) * size)));
  });
}
const asked = (route: `GET /${string}`, name = "page") =>
  server.requests(route).map((request) => request.query.get(name));

describe("a plain list (card, account, transaction, repricing, invoice, purchase-details lists)", () => {
  test("ends on the page shorter than size, without asking for another", async () => {
    servePages("GET /cards", 7);
    const client = connectPaged();

    const cards = await client.paginate("/cards").toArray();

    expect(cards.map((card) => card.id)).toEqual(ids(0, 7).map((card) => card.id));
    expect(asked("GET /cards")).toEqual(["0", "1", "2"]);
    expect(asked("GET /cards", "size")).toEqual(["3", "3", "3"]);
  });

  test("ends on an empty page when the last full page was the last", async () => {
    servePages("GET /cards", 6);
    const client = connectPaged();

    expect(await client.paginate("/cards").toArray()).toHaveLength(6);
    expect(asked("GET /cards")).toEqual(["0", "1", "2"]);
  });

  test("pages() yields each list", async () => {
    servePages("GET /cards", 4);
    const client = connectPaged();
    const pages: unknown[] = [];

    for await (const page of client.paginate("/cards", { params: { query: { size: 2 } } }).pages()) pages.push(page);

    expect(pages).toEqual([ids(0, 2), ids(2, 4)]);
  });

  test("a page that is not a list rejects with ResponseParseError", async () => {
    server.script("GET /cards", reply.json(200, { data: ids(0, 3) }));
    const client = connectPaged();

    const error = await captureError(client.paginate("/cards").toArray());

    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe("GET /cards: 200 with a page that holds no list (1 attempt)");
  });

  test("a failing page rejects the iteration with its typed error", async () => {
    server.script("GET /cards", reply.json(200, ids(0, 3)), reply.json(404, { message: "gone" }));
    const client = connectPaged();

    const error = await captureError(client.paginate("/cards").toArray());

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, body: { message: "gone" } });
  });
});

describe("a list, or one item on its own (account v4 lists)", () => {
  test("a single object is a page of one", async () => {
    server.script("GET /accounts", reply.json(200, { id: "acc-1" }));
    const client = connectPaged();

    expect(await client.paginate("/accounts").toArray()).toEqual([{ id: "acc-1" }]);
    expect(server.count("GET /accounts")).toBe(1);
  });

  test("a list pages like a plain list", async () => {
    servePages("GET /accounts", 4);
    const client = connectPaged();

    expect(await client.paginate("/accounts").toArray()).toHaveLength(4);
    expect(asked("GET /accounts")).toEqual(["0", "1"]);
  });
});

describe("another wrapper (card EMV scripts)", () => {
  test("items come from the member the spec names; the rest of the answer is the page", async () => {
    servePages("GET /plastics/p-1/scripts", 4, (items) => ({ plasticId: "p-1", emvScripts: items }));
    const client = connectPaged();
    const pages: unknown[] = [];

    const iterator = client.paginate("/plastics/{plasticId}/scripts", { params: { path: { plasticId: "p-1" } } });
    for await (const page of iterator.pages()) pages.push(page);

    expect(pages).toEqual([
      { plasticId: "p-1", emvScripts: ids(0, 3) },
      { plasticId: "p-1", emvScripts: ids(3, 4) },
    ]);
    expect(await iterator.toArray()).toHaveLength(4);
  });

  test("a missing member is an empty page", async () => {
    server.script("GET /plastics/p-1/scripts", reply.json(200, { plasticId: "p-1" }));
    const client = connectPaged();

    expect(
      await client.paginate("/plastics/{plasticId}/scripts", { params: { path: { plasticId: "p-1" } } }).toArray(),
    ).toEqual([]);
  });
});

describe("an untyped list (repricing price agreements)", () => {
  test("pages as a plain list, checking each page at run time", async () => {
    servePages("GET /agreements", 5);
    server.script("GET /cards", reply.text(200, "no list", "text/plain"));
    const client = connectPaged();

    expect(await client.paginate("/agreements").toArray()).toHaveLength(5);
    expect(await captureError(client.paginate("/cards").toArray())).toBeInstanceOf(ResponseParseError);
  });
});

describe("a continuation key (transfer batch items)", () => {
  /** Four transfers in pages of two; each page hands back the key of its last item until the last page. */
  function serveBatch(total = 4) {
    server.handle("GET /batches/b-1", (request) => {
      const after = request.query.get("transferId");
      const start = after === null ? 0 : Number(after.slice(2)) + 1;
      const items = ids(start, Math.min(start + 2, total));
      const last = start + 2 >= total;
      const body: Batch = {
        id: "b-1",
        status: "COMPLETED",
        transfers: {
          items,
          size: items.length,
          ...(last ? {} : { lastEvaluatedKey: { batchTransferId: "b-1", transferId: items.at(-1)?.id } }),
        },
      };
      return reply.json(200, body);
    });
  }
  const batch = { params: { path: { id: "b-1" } } };

  test("sends each lastEvaluatedKey back as exclusiveStartKey until an answer has none", async () => {
    serveBatch();
    const client = connectPaged();

    const transfers = await client.paginate("/batches/{id}", batch).toArray();

    expect(transfers.map((transfer) => transfer.id)).toEqual(["c-0", "c-1", "c-2", "c-3"]);
    expect(server.requests("GET /batches/b-1").map((request) => Object.fromEntries(request.query))).toEqual([
      { auditUser: "proof-suite" },
      { auditUser: "proof-suite", batchTransferId: "b-1", transferId: "c-1" },
    ]);
  });

  test("starts from the caller's key and sends the caller's size", async () => {
    serveBatch(6);
    const client = connectPaged();

    const transfers = await client
      .paginate("/batches/{id}", {
        params: {
          ...batch.params,
          query: { exclusiveStartKey: { batchTransferId: "b-1", transferId: "c-1" }, size: 2 },
        },
      })
      .toArray();

    expect(transfers.map((transfer) => transfer.id)).toEqual(["c-2", "c-3", "c-4", "c-5"]);
    expect(asked("GET /batches/b-1", "size")).toEqual(["2", "2"]);
  });

  test("pages() yields the whole answers", async () => {
    serveBatch();
    const client = connectPaged();
    const statuses: (string | undefined)[] = [];

    for await (const page of client.paginate("/batches/{id}", batch).pages()) statuses.push(page.status);

    expect(statuses).toEqual(["COMPLETED", "COMPLETED"]);
  });

  test("a key that leads back to itself rejects instead of looping for ever", async () => {
    const stuck = { batchTransferId: "b-1", transferId: "c-9" };
    server.script("GET /batches/b-1", reply.json(200, { transfers: { items: ids(0, 1), lastEvaluatedKey: stuck } }));
    const client = connectPaged();

    const error = await captureError(client.paginate("/batches/{id}", batch).toArray());

    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toContain("the same continuation key it was sent");
    expect(server.count("GET /batches/b-1")).toBe(2);
  });

  test("an out-of-range size is refused before any request", async () => {
    const client = connectPaged();

    const error = await captureError(() =>
      client.paginate("/batches/{id}", { params: { ...batch.params, query: { size: 51 } } }),
    );

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe("GET /batches/{id} (getBatch): size must be an integer from 1 to 50");
  });
});

test("a path that does not page is refused", async () => {
  const client = connectPaged();

  // @ts-expect-error not a paged operation
  const error = await captureError(() => client.paginate("/cards/{cardId}", { params: { path: { cardId: "c" } } }));

  expect(error).toBeInstanceOf(ConfigurationError);
  expect(error.message).toBe("GET /cards/{cardId} (getCard): is not a paged list operation");
});
