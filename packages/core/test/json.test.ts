// The one JSON rule shared by the client, the webhook sender and the receivers.
import { describe, expect, test } from "vitest";
import { isJsonContentType, NOT_JSON, parseJson, parseJsonOrText, readsAsJson } from "../src/json";

describe("isJsonContentType", () => {
  test.each([
    ["application/json", true],
    ["Application/JSON; charset=utf-8", true],
    ['application/json; charset="UTF-8"', true],
    ["application/problem+json", true],
    ["application/json; charset=utf-16", false],
    ["application/jsonx", false],
    ["text/json", false],
    ["text/html", false],
    ["", false],
    [null, false],
    [undefined, false],
  ])("%s: %s", (type, accepted) => {
    expect(isJsonContentType(type)).toBe(accepted);
  });
});

describe("readsAsJson: a body is read as JSON when declared JSON or not declared at all", () => {
  test.each([
    ["application/json", true],
    [null, true],
    ["", true],
    ["text/plain", false],
    ["text/html; charset=utf-8", false],
  ])("%s: %s", (type, json) => {
    expect(readsAsJson(type)).toBe(json);
  });
});

describe("parseJson", () => {
  test.each([
    { text: "", value: undefined },
    { text: "null", value: null },
    { text: "false", value: false },
    { text: '""', value: "" },
    { text: '{"a":[1]}', value: { a: [1] } },
    { text: "{not json", value: NOT_JSON },
    { text: "<html>", value: NOT_JSON },
  ])("$text", ({ text, value }) => {
    expect(parseJson(text)).toEqual(value);
  });
});

describe("parseJsonOrText: a body of unknown shape is its JSON, else its text", () => {
  test.each([
    { text: "", value: undefined },
    { text: "null", value: null },
    { text: '{"a":[1]}', value: { a: [1] } },
    { text: "{not json", value: "{not json" },
    { text: "<html>", value: "<html>" },
  ])("$text", ({ text, value }) => {
    expect(parseJsonOrText(text)).toEqual(value);
  });
});
