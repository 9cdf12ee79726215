// What a call gives back: `{ data, error, response }` by default, the data or a typed error with
// throwOnError, and no crash on answers without a body or with a body that is not JSON.

import { reply, useFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { describe, expect, test } from "vitest";
import { APIError, NotFoundError, RawErrorBody, ServerError } from "../src/index";
import { captureError, connect } from "./support/harness";

const server = useFaultServer();

const item = (itemId: string) => ({ params: { path: { itemId } } });

describe("default results", () => {
  test("success: data, the response and the attempts; no error", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1", status: "OPEN" }));
    const { client } = connect(server.url);

    const result = await client.GET("/items/{itemId}", item("item-1"));

    expect(result).toMatchObject({ data: { id: "item-1", status: "OPEN" }, attempts: 1 });
    expect(result.error).toBeUndefined();
    expect(result.response.status).toBe(200);
  });

  test("failure: the parsed error body, nothing thrown", async () => {
    server.script("GET /items/missing", reply.json(404, { message: "no such item" }));
    const { client } = connect(server.url);

    const result = await client.GET("/items/{itemId}", item("missing"));

    expect(result).toMatchObject({ error: { message: "no such item" }, attempts: 1 });
    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(404);
  });
});

describe("throwOnError", () => {
  test("client-wide: resolves to the data and rejects with typed errors", async () => {
    server.script("GET /items/item-1", reply.json(200, { id: "item-1" }));
    server.script("GET /items/missing", reply.json(404, { message: "no such item" }, { "x-request-id": "req-77" }));
    const { client } = connect(server.url, { throwOnError: true });

    expect(await client.GET("/items/{itemId}", item("item-1"))).toEqual({ id: "item-1" });
    const error = await captureError(client.GET("/items/{itemId}", item("missing")));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, body: { message: "no such item" }, requestId: "req-77" });
    expect(error.message).toBe("GET /items/{itemId}: 404 no such item (1 attempt, request id req-77)");
  });

  test("per call: turned on for one call of a default client", async () => {
    server.script("GET /items/missing", reply.json(404));
    const { client } = connect(server.url);

    const error = await captureError(client.GET("/items/{itemId}", { ...item("missing"), throwOnError: true }));

    expect(error).toBeInstanceOf(NotFoundError);
  });

  test("per call: turned off for one call of a throwing client", async () => {
    server.script("GET /items/missing", reply.json(404, { message: "gone" }));
    const { client } = connect(server.url, { throwOnError: true });

    const result = await client.GET("/items/{itemId}", { ...item("missing"), throwOnError: false });

    expect(result.error).toEqual({ message: "gone" });
  });

  test("a status without its own class is still an APIError", async () => {
    server.script("GET /items/teapot", reply.json(418));
    const { client } = connect(server.url, { throwOnError: true });

    const error = await captureError(client.GET("/items/{itemId}", item("teapot")));

    expect(error.constructor).toBe(APIError);
    expect(error).toMatchObject({ status: 418 });
  });
});

describe("answers that are not a JSON document never crash", () => {
  test("204: no data", async () => {
    server.script("DELETE /items/item-1", reply.empty(204));
    const { client } = connect(server.url);

    const result = await client.DELETE("/items/{itemId}", item("item-1"));

    expect(result.data).toBeUndefined();
    expect(result.error).toBeUndefined();
    expect(result.response.status).toBe(204);
  });

  test("an empty 200, with or without a JSON content type: no data", async () => {
    server.script("GET /items/a", reply.empty(200));
    server.script("GET /items/b", reply.text(200, "", "application/json"));
    const { client } = connect(server.url, { throwOnError: true });

    expect(await client.GET("/items/{itemId}", item("a"))).toBeUndefined();
    expect(await client.GET("/items/{itemId}", item("b"))).toBeUndefined();
  });

  test("a 200 declared as text is returned as text", async () => {
    server.script("GET /items/text", reply.text(200, "OK"));
    const { client } = connect(server.url, { throwOnError: true });

    expect(await client.GET("/items/{itemId}", item("text"))).toBe("OK");
  });

  test("a non-JSON error body becomes a RawErrorBody with the text", async () => {
    server.script("GET /items/html", reply.text(500, "<html>Internal Server Error</html>", "text/html"));
    const { client } = connect(server.url, { throwOnError: true, maxRetries: 0 });

    const error = await captureError(client.GET("/items/{itemId}", item("html")));

    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, body: { status: 500, text: "<html>Internal Server Error</html>" } });
    expect((error as ServerError).body).toBeInstanceOf(RawErrorBody);
    expect(error.message).toBe("GET /items/{itemId}: 500 (1 attempt)");
  });

  test("an error with an empty body still has an error: a RawErrorBody with no text", async () => {
    server.script("GET /items/empty", reply.empty(503));
    const { client } = connect(server.url, { maxRetries: 0 });

    const result = await client.GET("/items/{itemId}", item("empty"));

    expect(result.error).toEqual(new RawErrorBody(503, undefined, ""));
    expect(result.response.status).toBe(503);
  });
});
