// A failed call is never mistaken for a success: whatever the method and whatever the body of a
// non-2xx answer, the default result has `error` set (truthy) and `data` unset, and throwOnError
// rejects with the status's class.

import { type Reply, reply, useFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { describe, expect, test } from "vitest";
import { ConflictError, RAW_ERROR_TEXT_LIMIT, RawErrorBody, ServerError } from "../src/index";
import { captureError, connect } from "./support/harness";

const server = useFaultServer();

interface Body {
  readonly name: string;
  readonly reply: (status: number) => Reply;
  /** What `error` holds: the JSON object itself, or a RawErrorBody with this text. */
  readonly error: { readonly object: object } | { readonly text: string };
}

const bodies: readonly Body[] = [
  { name: "Content-Length: 0", reply: (status) => reply.empty(status), error: { text: "" } },
  { name: "empty chunked", reply: (status) => reply.emptyChunked(status), error: { text: "" } },
  {
    name: "text",
    reply: (status) => reply.text(status, "Service Unavailable"),
    error: { text: "Service Unavailable" },
  },
  {
    name: "HTML",
    reply: (status) => reply.text(status, "<html><h1>502 Bad Gateway</h1></html>", "text/html"),
    error: { text: "<html><h1>502 Bad Gateway</h1></html>" },
  },
  {
    name: "JSON object",
    reply: (status) => reply.json(status, { message: "down", code: status }),
    error: { object: { message: "down" } },
  },
  { name: "JSON null", reply: (status) => reply.text(status, "null", "application/json"), error: { text: "null" } },
  { name: 'JSON ""', reply: (status) => reply.text(status, '""', "application/json"), error: { text: "" } },
  { name: "JSON false", reply: (status) => reply.text(status, "false", "application/json"), error: { text: "false" } },
  { name: "JSON 0", reply: (status) => reply.text(status, "0", "application/json"), error: { text: "0" } },
  { name: "JSON list", reply: (status) => reply.text(status, "[1]", "application/json"), error: { text: "[1]" } },
  {
    name: "broken JSON",
    reply: (status) => reply.text(status, '{"message": "do', "application/json"),
    error: { text: '{"message": "do' },
  },
];

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
type Method = (typeof methods)[number];

/** Calls `method` on the test API with the least the types demand; `extra` is merged into init. */
function call(client: ReturnType<typeof connect>["client"], method: Method, extra: object = {}) {
  const item = { params: { path: { itemId: "item-1" } }, ...extra };
  switch (method) {
    case "GET":
      return client.GET("/items/{itemId}", item);
    case "POST":
      return client.POST("/items", { body: { reference: "r" }, ...extra });
    case "PUT":
      return client.PUT("/items/{itemId}", { ...item, body: { id: "item-1", status: "OPEN" } });
    case "PATCH":
      return client.PATCH("/items/{itemId}", { ...item, body: { reference: "r" } });
    case "DELETE":
      return client.DELETE("/items/{itemId}", item);
    case "HEAD":
      return client.HEAD("/items/{itemId}", item);
    case "OPTIONS":
      return client.OPTIONS("/items/{itemId}", item);
  }
}
const routeOf = (method: Method) => (method === "POST" ? "POST /items" : (`${method} /items/item-1` as const));

describe.each(methods)("%s", (method) => {
  // HEAD answers carry no body, whatever the server wrote: one case is enough there.
  const cases = method === "HEAD" ? bodies.slice(0, 1) : bodies;

  test.each(cases)("a 503 with $name body: error set, data unset", async ({ reply: answer, error }) => {
    server.script(routeOf(method), answer(503));
    const { client } = connect(server.url, { maxRetries: 0 });

    const result = await call(client, method);

    expect(result.error).toBeTruthy();
    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(503);
    if ("object" in error) expect(result.error).toMatchObject(error.object);
    else
      expect(result.error).toEqual(
        new RawErrorBody(503, result.response.headers.get("content-type") ?? undefined, error.text),
      );
  });

  test.each(cases)("throwOnError: a 409 with $name body rejects with ConflictError", async ({ reply: answer }) => {
    server.script(routeOf(method), answer(409));
    const { client } = connect(server.url);

    const failure = await captureError(call(client, method, { throwOnError: true }));

    expect(failure).toBeInstanceOf(ConflictError);
    expect(failure).toMatchObject({ status: 409, method, attempts: 1 });
  });
});

describe("the fallback body", () => {
  test("is what error holds after the retries are spent on empty 503s", async () => {
    server.script("GET /items/item-1", reply.empty(503));
    const { client } = connect(server.url);

    const { error, data, attempts } = await client.GET("/items/{itemId}", { params: { path: { itemId: "item-1" } } });

    expect(attempts).toBe(3);
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(RawErrorBody);
    expect(error).toMatchObject({ status: 503, text: "", truncated: false });
  });

  test("keeps a bounded excerpt of a long body", async () => {
    server.script("GET /items/item-1", reply.text(500, "x".repeat(50_000), "text/html"));
    const { client } = connect(server.url, { maxRetries: 0 });

    const { error } = await client.GET("/items/{itemId}", { params: { path: { itemId: "item-1" } } });

    expect(error).toMatchObject({ contentType: "text/html", truncated: true });
    expect((error as RawErrorBody).text).toHaveLength(RAW_ERROR_TEXT_LIMIT);
  });

  test("is the body of the thrown error too, so both modes hold the same thing", async () => {
    server.script("GET /items/item-1", reply.text(500, "<html>oops</html>", "text/html"));
    const { client } = connect(server.url, { maxRetries: 0 });
    const item = { params: { path: { itemId: "item-1" } } };

    const { error } = await client.GET("/items/{itemId}", item);
    const thrown = await captureError(client.GET("/items/{itemId}", { ...item, throwOnError: true }));

    expect(thrown).toBeInstanceOf(ServerError);
    expect((thrown as ServerError).body).toEqual(error);
  });

  test("a JSON object sent as text/plain is not taken for the documented error body", async () => {
    server.script("GET /items/item-1", reply.text(400, '{"message":"no"}', "text/plain"));
    const { client } = connect(server.url);

    const { error } = await client.GET("/items/{itemId}", { params: { path: { itemId: "item-1" } } });

    expect(error).toEqual(new RawErrorBody(400, "text/plain", '{"message":"no"}'));
  });
});
