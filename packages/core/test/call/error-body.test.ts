// What `error` holds for each kind of error body openapi-fetch hands over.
import { expect, test } from "vitest";
import { FetchAnswer } from "../../src/call/answer";
import { errorBodyOf, RAW_ERROR_TEXT_LIMIT, RawErrorBody } from "../../src/call/error-body";

const answer = (status: number, contentType?: string) =>
  new FetchAnswer({
    response: new Response(null, { status, headers: contentType ? { "content-type": contentType } : {} }),
  });
const redact = (text: string) => text.replaceAll("s3cret", "[redacted]");

test.each([
  { name: "a JSON object", received: { message: "m" }, type: "application/json", error: { message: "m" } },
  { name: "an undeclared JSON object", received: { message: "m" }, type: undefined, error: { message: "m" } },
  { name: "empty", received: undefined, type: undefined, error: new RawErrorBody(503, undefined, "") },
  { name: "empty text", received: "", type: "application/json", error: new RawErrorBody(503, "application/json", "") },
  { name: "HTML", received: "<p>x</p>", type: "text/html", error: new RawErrorBody(503, "text/html", "<p>x</p>") },
  {
    name: "JSON null",
    received: null,
    type: "application/json",
    error: new RawErrorBody(503, "application/json", "null"),
  },
  {
    name: "JSON false",
    received: false,
    type: "application/json",
    error: new RawErrorBody(503, "application/json", "false"),
  },
  {
    name: "a JSON list",
    received: [1, 2],
    type: "application/json",
    error: new RawErrorBody(503, "application/json", "[1,2]"),
  },
  {
    name: "a JSON object declared as text",
    received: { a: 1 },
    type: "text/plain",
    error: new RawErrorBody(503, "text/plain", '{"a":1}'),
  },
  {
    name: "a credential echoed back",
    received: "token s3cret",
    type: "text/plain",
    error: new RawErrorBody(503, "text/plain", "token [redacted]"),
  },
])("$name", ({ received, type, error }) => {
  const body = errorBodyOf(received, answer(503, type), redact);
  expect(body).toEqual(error);
  expect(body).toBeTruthy();
});

test("the text is cut at the limit, and says so", () => {
  const body = errorBodyOf("y".repeat(RAW_ERROR_TEXT_LIMIT + 1), answer(500, "text/plain"), redact) as RawErrorBody;
  expect(body.text).toHaveLength(RAW_ERROR_TEXT_LIMIT);
  expect(body.truncated).toBe(true);
});
