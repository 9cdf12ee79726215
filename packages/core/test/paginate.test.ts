// client.paginate over a fake list endpoint: where it stops, which sizes it accepts, pages and items.

import { reply, useFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { describe, expect, test } from "vitest";
import { ConfigurationError, NotFoundError, ResponseParseError, ServerError } from "../src/index";
import { captureError, connect } from "./support/harness";
import type { Item, ItemList } from "./support/test-api";

const server = useFaultServer();

/** Serves `total` items in pages of the requested size; `announcePages` says whether pagination.pages is sent. */
function serveItems(total: number, announcePages = true) {
  server.handle("GET /items", (request) => {
    const page = Number(request.query.get("page"));
    const size = Number(request.query.get("size"));
    const ids = Array.from({ length: total }, (_, index) => `item-${index}`).slice(page * size, (page + 1) * size);
    const body: ItemList = {
      data: ids.map((id): Item => ({ id, status: "OPEN" })),
      ...(announcePages ? { pagination: { page, pages: Math.ceil(total / size), elements: total, size } } : {}),
    };
    return reply.json(200, body);
  });
}
const pagesAsked = () => server.requests("GET /items").map((request) => request.query.get("page"));

describe("stops", () => {
  test("on the last page the server announces, without asking for an empty one", async () => {
    serveItems(5);
    const { client } = connect(server.url);

    const items = await client.paginate("/items", { params: { query: { size: 2 } } }).toArray();

    expect(items.map((item) => item.id)).toEqual(["item-0", "item-1", "item-2", "item-3", "item-4"]);
    expect(pagesAsked()).toEqual(["0", "1", "2"]);
  });

  test("on an empty page when the server does not say how many pages there are", async () => {
    serveItems(4, false);
    const { client } = connect(server.url);

    const items = await client.paginate("/items", { params: { query: { size: 2 } } }).toArray();

    expect(items).toHaveLength(4);
    expect(pagesAsked()).toEqual(["0", "1", "2"]);
  });

  test("on a page shorter than the size asked for, when the server does not say how many pages there are", async () => {
    serveItems(5, false);
    const { client } = connect(server.url);

    const items = await client.paginate("/items", { params: { query: { size: 2 } } }).toArray();

    expect(items).toHaveLength(5);
    expect(pagesAsked()).toEqual(["0", "1", "2"]);
  });

  test("at once on an empty list", async () => {
    serveItems(0);
    const { client } = connect(server.url);

    expect(await client.paginate("/items").toArray()).toEqual([]);
    expect(server.count("GET /items")).toBe(1);
  });

  test("with the page's typed error when a page fails with an empty body", async () => {
    server.script("GET /items", reply.json(200, { data: [{ id: "item-0", status: "OPEN" }] }), reply.empty(503));
    const { client } = connect(server.url, { maxRetries: 0 });
    const seen: string[] = [];

    const error = await captureError(async () => {
      for await (const item of client.paginate("/items", { params: { query: { size: 1 } } })) seen.push(item.id);
    });

    expect(seen).toEqual(["item-0"]);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, path: "/items", body: { status: 503, text: "" } });
  });

  test("with a ResponseParseError when a page holds no list where the spec puts it", async () => {
    server.script("GET /items", reply.json(200, { data: { id: "item-0" } }));
    const { client } = connect(server.url);

    const error = await captureError(client.paginate("/items").toArray());

    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe("GET /items: 200 with a page that holds no list at data (1 attempt)");
  });

  test("on a page without the optional members: no data is an empty page, no pagination means no page count", async () => {
    server.script("GET /items", reply.json(200, { data: [{ id: "a", status: "OPEN" }] }), reply.json(200, {}));
    const { client } = connect(server.url);

    const items = await client.paginate("/items", { params: { query: { size: 1 } } }).toArray();

    expect(items.map((item) => item.id)).toEqual(["a"]);
    expect(pagesAsked()).toEqual(["0", "1"]);
  });

  test("with the page's typed error when a page fails, after yielding the pages before it", async () => {
    server.script("GET /items", reply.json(200, { data: [{ id: "item-0", status: "OPEN" }] }), reply.json(404));
    const { client } = connect(server.url);
    const seen: string[] = [];

    const error = await captureError(async () => {
      for await (const item of client.paginate("/items", { params: { query: { size: 1 } } })) seen.push(item.id);
    });

    expect(seen).toEqual(["item-0"]);
    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe("size", () => {
  test("defaults to the documented default, and every page asks for it with the audit user", async () => {
    serveItems(3);
    const { client } = connect(server.url);

    await client.paginate("/items").toArray();

    const [query] = server.requests("GET /items").map((request) => Object.fromEntries(request.query));
    expect(query).toEqual({ auditUser: "proof-suite", page: "0", size: "10" });
  });

  test.each([1, 50])("accepts %s, a documented bound", async (size) => {
    serveItems(1);
    const { client } = connect(server.url);

    await client.paginate("/items", { params: { query: { size } } }).toArray();

    expect(server.requests("GET /items")[0]?.query.get("size")).toBe(String(size));
  });

  test.each([0, 51, 2.5, -1])("refuses %s with a ConfigurationError, before any request", async (size) => {
    const { client } = connect(server.url);

    const error = await captureError(() => client.paginate("/items", { params: { query: { size } } }));

    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe("GET /items (listItems): size must be an integer from 1 to 50");
    expect(error).toMatchObject({ method: "GET", path: "/items", operationId: "listItems" });
    expect(server.count("GET /items")).toBe(0);
  });

  test("a negative start page is refused too", async () => {
    const { client } = connect(server.url);

    expect(await captureError(() => client.paginate("/items", { params: { query: { page: -1 } } }))).toBeInstanceOf(
      ConfigurationError,
    );
  });
});

describe("iteration", () => {
  test("pages() yields whole page bodies, from the requested start page", async () => {
    serveItems(6);
    const { client } = connect(server.url);
    const pages: ItemList[] = [];

    for await (const page of client.paginate("/items", { params: { query: { size: 2, page: 1 } } }).pages()) {
      pages.push(page);
    }

    expect(pages.map((page) => page.pagination?.page)).toEqual([1, 2]);
    expect(pages.map((page) => page.data?.map((item) => item.id))).toEqual([
      ["item-2", "item-3"],
      ["item-4", "item-5"],
    ]);
  });

  test("items can be consumed lazily: breaking off stops fetching", async () => {
    serveItems(100);
    const { client } = connect(server.url);

    for await (const item of client.paginate("/items", { params: { query: { size: 5 } } })) {
      if (item.id === "item-6") break;
    }

    expect(pagesAsked()).toEqual(["0", "1"]);
  });

  test("the other query parameters go with every page", async () => {
    serveItems(3);
    const { client } = connect(server.url);

    await client.paginate("/items", { params: { query: { size: 1, filter: "status eq OPEN" } } }).toArray();

    expect(server.requests("GET /items").map((request) => request.query.get("filter"))).toEqual([
      "status eq OPEN",
      "status eq OPEN",
      "status eq OPEN",
    ]);
  });
});
