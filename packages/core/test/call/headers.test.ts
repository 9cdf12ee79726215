import { expect, test } from "vitest";
import { headerValue } from "../../src/call/headers";

test.each([
  { name: "a record, any case", headers: { "X-Request-Id": "a" }, value: "a" },
  { name: "a Headers object", headers: new Headers({ "x-request-id": "b" }), value: "b" },
  { name: "a list of pairs", headers: [["X-REQUEST-ID", "c"]], value: "c" },
  { name: "a number value", headers: { "x-request-id": 7 }, value: "7" },
  { name: "a null value (openapi-fetch's way to unset)", headers: { "x-request-id": null }, value: undefined },
  { name: "absent", headers: { accept: "*/*" }, value: undefined },
  { name: "no headers", headers: undefined, value: undefined },
])("headerValue of $name", ({ headers, value }) => {
  expect(headerValue(headers, "x-request-id")).toBe(value);
});
