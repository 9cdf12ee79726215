// The two ways a call goes out (src/call/route.ts) are indistinguishable on the wire and in what the
// call gives back: the same inits sent straight to the connections and through openapi-fetch and a
// WHATWG Request reach the server as the same request, and the same answers read as the same result.

import { type Reply, reply, useFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { describe, expect, test } from "vitest";
import { encodeQueryValue } from "../src/index";
import { connect } from "./support/harness";

const server = useFaultServer();

const PASS_THROUGH = { onRequest: () => undefined };
/** One client per route; `as never` lets a case pass inits the typed surface would refuse. */
function clients() {
  return {
    direct: connect(server.url, { logLevel: "off" }).client,
    throughRequest: connect(server.url, { logLevel: "off", middleware: [PASS_THROUGH] }).client,
  };
}
type Call = (client: ReturnType<typeof clients>["direct"]) => Promise<unknown>;

const item = { itemId: "a b/ü?#%" };
const itemPath = `/items/${encodeQueryValue(item.itemId)}` as const;
const requests: { name: string; route: `${string} /${string}`; call: Call }[] = [
  {
    name: "a query with a list, an object and characters to encode",
    route: "GET /items",
    call: (c) => c.GET("/items", { params: { query: { page: 1, size: 5, filter: "status==OPEN;x=(1,2)*" } } }),
  },
  {
    name: "a path value to encode",
    route: `GET ${itemPath}`,
    call: (c) => c.GET("/items/{itemId}", { params: { path: item } }),
  },
  { name: "a JSON body", route: "POST /items", call: (c) => c.POST("/items", { body: { reference: "ä €" } }) },
  {
    name: "headers from init and params, a list, a Headers object, null removing a default",
    route: `PUT ${itemPath}`,
    call: (c) =>
      c.PUT("/items/{itemId}", {
        params: { path: item, header: { "X-Trace": "from-params" } } as never,
        headers: new Headers({ "x-trace": "from-init", "Content-Type": "application/merge-patch+json" }),
        body: { id: "1", status: "OPEN" },
      }),
  },
  {
    name: "a repeated header, and the defaults overridden",
    route: `PATCH ${itemPath}`,
    call: (c) =>
      c.PATCH("/items/{itemId}", {
        params: { path: item },
        headers: { "x-tag": ["one", " two "], Accept: "application/json", "User-Agent": "bank-batch/1" } as never,
        body: { reference: "r" },
      }),
  },
  {
    name: "Content-Type removed: fetch's text default",
    route: "POST /items",
    call: (c) => c.POST("/items", { body: { reference: "r" }, headers: { "Content-Type": null } as never }),
  },
  {
    name: "a form body",
    route: "POST /items",
    call: (c) =>
      c.POST("/items", {
        body: { reference: "a&b=c" },
        headers: { "Content-Type": "application/x-www-form-urlencoded" } as never,
      }),
  },
  {
    name: "an idempotency key",
    route: "POST /payments",
    call: (c) => c.POST("/payments", { body: { amount: 1 }, idempotencyKey: "k-1" }),
  },
  {
    name: "a DELETE without a body",
    route: `DELETE ${itemPath}`,
    call: (c) => c.DELETE("/items/{itemId}", { params: { path: item } }),
  },
  { name: "a HEAD", route: `HEAD ${itemPath}`, call: (c) => c.HEAD("/items/{itemId}", { params: { path: item } }) },
  {
    name: "an OPTIONS",
    route: `OPTIONS ${itemPath}`,
    call: (c) => c.OPTIONS("/items/{itemId}", { params: { path: item } }),
  },
];

describe("the same request on the wire", () => {
  test.each(requests)("$name", async ({ route, call }) => {
    server.script(route, reply.empty(204));
    const { direct, throughRequest } = clients();
    await call(direct);
    await call(throughRequest);

    const [sentDirect, sentThroughRequest] = server.requests(route).map(({ method, path, query, headers, body }) => {
      const { connection: _, host: __, ...rest } = headers;
      return { method, path, query: query.toString(), headers: rest, body };
    });
    expect(sentDirect).toEqual(sentThroughRequest);
    expect(sentDirect).toBeDefined();
  });
});

const answers: { name: string; reply: Reply; parseAs?: "json" | "text" }[] = [
  { name: "JSON", reply: reply.json(200, { id: "item-1", status: "OPEN" }, { "x-request-id": "r-1" }) },
  { name: "text", reply: reply.text(200, "plain words") },
  { name: "JSON with a byte order mark", reply: reply.text(200, '\uFEFF{"id":"bom"}', "application/json") },
  { name: "an empty 200", reply: reply.empty(200) },
  { name: "an empty chunked 200", reply: reply.emptyChunked(200) },
  { name: "a 204", reply: reply.empty(204) },
  { name: "a JSON error", reply: reply.json(404, { message: "gone" }) },
  { name: "an HTML error", reply: reply.text(502, "<html>bad gateway</html>", "text/html") },
  { name: "an empty error", reply: reply.empty(503) },
  { name: "parseAs json", reply: reply.json(200, { id: "as-json" }), parseAs: "json" },
  { name: "parseAs text", reply: reply.json(200, { id: "as-text" }), parseAs: "text" },
];

describe("the same answer read the same way", () => {
  test.each(answers)("$name", async ({ reply: answer, parseAs }) => {
    server.script("GET /items/item-1", answer);
    const { direct, throughRequest } = clients();
    const read = async (client: typeof direct) => {
      const result = await client.GET("/items/{itemId}", {
        params: { path: { itemId: "item-1" } },
        parseAs,
        maxRetries: 0,
      });
      const { response, ...rest } = result;
      return { ...rest, status: response.status, type: response.headers.get("content-type"), ok: response.ok };
    };

    expect(await read(direct)).toEqual(await read(throughRequest));
  });
});

describe("the direct route builds no Request", () => {
  test("and its Response only when the result's response is read", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
    const built = { Request: 0, Response: 0 };
    const { Request: OriginalRequest, Response: OriginalResponse } = globalThis;
    globalThis.Request = class extends OriginalRequest {
      constructor(...args: ConstructorParameters<typeof Request>) {
        super(...args);
        built.Request++;
      }
    };
    globalThis.Response = class extends OriginalResponse {
      constructor(...args: ConstructorParameters<typeof Response>) {
        super(...args);
        built.Response++;
      }
    } as typeof Response;
    try {
      const result = await clients().direct.GET("/items/{itemId}", { params: { path: { itemId: "item-1" } } });
      expect([result.data, built]).toEqual([{ id: "item-1" }, { Request: 0, Response: 0 }]);
      expect(result.response.status).toBe(200);
      expect(result.response).toBe(result.response);
      expect(built).toEqual({ Request: 0, Response: 1 });
    } finally {
      globalThis.Request = OriginalRequest;
      globalThis.Response = OriginalResponse;
    }
  });
});
