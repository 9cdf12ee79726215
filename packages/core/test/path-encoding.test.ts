// Property: no path-parameter value can change which operation is called. Any string is either
// refused with a ConfigurationError or becomes exactly one path segment that decodes back to it.

import { type FaultServer, reply, startFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { recordError } from "@enfuce-sdk/test-kit/leak-watch";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { serializePath } from "../src/encoding";
import { ConfigurationError } from "../src/index";
import { captureError, connect } from "./support/harness";

const TEMPLATE = "/items/{itemId}/notes";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Strings as URLs break them: any code point, any UTF-16 unit (lone surrogates too), and dot/slash/percent soup. */
const anyString = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) }),
  fc.string({ unit: fc.constantFrom(".", "/", "\\", "%", "2", "e", "E", "f", "F", "?", "#", ";", " ", "\t") }),
  fc.constantFrom("", ".", "..", "%2e", "%2E%2e", ".%2e", "..%2F", "../payments", "\uD800"),
);

/** Whether the value is refused: what URL parsing would turn into another route, or cannot be encoded. */
const mustRefuse = (value: string) => value === "" || value === "." || value === ".." || LONE_SURROGATE.test(value);

test("any string is refused with a ConfigurationError, or becomes one segment that decodes back to it", () => {
  fc.assert(
    fc.property(anyString, (value) => {
      let path: string;
      try {
        path = serializePath(TEMPLATE, { itemId: value });
      } catch (error) {
        recordError(error);
        expect(error).toBeInstanceOf(ConfigurationError);
        expect(mustRefuse(value)).toBe(true);
        return;
      }
      expect(mustRefuse(value)).toBe(false);
      const segments = path.split("/");
      expect(segments).toHaveLength(4);
      expect(decodeURIComponent(segments[2] as string)).toBe(value);

      // The URL a request is made to keeps the template's route, under the base path.
      const url = new URL(`https://api.example/test${path}?auditUser=a`);
      const parsed = url.pathname.split("/");
      expect([parsed.length, parsed[1], parsed[2], parsed[4]]).toEqual([5, "test", "items", "notes"]);
      expect(decodeURIComponent(parsed[3] as string)).toBe(value);
    }),
    { numRuns: 2000 },
  );
});

test("a missing value is refused too", () => {
  expect(() => serializePath(TEMPLATE, {})).toThrow(ConfigurationError);
});

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

test("end to end, a value that looks like a route stays inside its segment", async () => {
  server.script("GET /items/..%2Fpayments", reply.json(200, { id: "odd" }));
  const { client } = connect(server.url, { throwOnError: true });

  expect(await client.GET("/items/{itemId}", { params: { path: { itemId: "../payments" } } })).toEqual({ id: "odd" });
  expect(server.count("GET /items/..%2Fpayments")).toBe(1);
});

test("end to end, a value that cannot be encoded is refused before anything is sent", async () => {
  const sent: string[] = [];
  const { client } = connect(server.url, { middleware: [{ onRequest: ({ request }) => void sent.push(request.url) }] });

  const inPath = await captureError(client.GET("/items/{itemId}", { params: { path: { itemId: "a\uD800" } } }));
  const inQuery = await captureError(client.GET("/items", { params: { query: { filter: "\uDFFF" } } }));

  expect(inPath).toBeInstanceOf(ConfigurationError);
  expect(inQuery).toBeInstanceOf(ConfigurationError);
  expect(sent).toEqual([]);
});
