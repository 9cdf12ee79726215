// Properties of the filter builder: it only ever writes documented fields and values, what it
// writes parses back to the terms it was given, and the encoded query value is one safe token.

import { type FaultServer, reply, startFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { recordError } from "@enfuce-sdk/test-kit/leak-watch";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createFilterBuilder } from "../src/filter";
import { ConfigurationError, encodeQueryValue } from "../src/index";
import { connect } from "./support/harness";
import { testSpec } from "./support/test-api";

const meta = testSpec.operations["GET /items"].filter;
const STATUSES = meta.fields.status;
type Fields = typeof meta.fields;
type Term = { field: string; value: string };

const builder = () => createFilterBuilder<Fields>(meta, { method: "GET", path: "/items", operationId: "listItems" });

const documentedTerm: fc.Arbitrary<Term> = fc.oneof(
  fc.record({ field: fc.constant("status"), value: fc.constantFrom(...STATUSES) }),
  fc.record({ field: fc.constant("reference"), value: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/) }),
);
/** Any field name and any value, documented or not. */
const anyTerm: fc.Arbitrary<Term> = fc.record({
  field: fc.oneof(fc.constantFrom("status", "reference", "colour", "__proto__", "toString"), fc.string()),
  value: fc.oneof(fc.constantFrom(...STATUSES, "open", "OPEN or x", "a)", ""), fc.string({ unit: "binary" })),
});

/** A reader of the grammar the docs give: `field eq value` joined by ` or `, in parentheses when more than one. */
function parse(expression: string): Term[] {
  const grouped = expression.startsWith("(") && expression.endsWith(")");
  const tokens = (grouped ? expression.slice(1, -1) : expression).split(" ");
  const terms: Term[] = [];
  for (let at = 0; at < tokens.length; at += 4) {
    expect(tokens[at + 1]).toBe("eq");
    if (at + 3 < tokens.length) expect(tokens[at + 3]).toBe("or");
    terms.push({ field: tokens[at] as string, value: tokens[at + 2] as string });
  }
  expect(grouped).toBe(terms.length > 1);
  return terms;
}

const isDocumented = ({ field, value }: Term) =>
  field === "status" ? (STATUSES as readonly string[]).includes(value) : field === "reference";

test("eq/or chains parse back to their terms, all documented, and encode without spaces or parentheses", () => {
  fc.assert(
    fc.property(fc.array(documentedTerm, { minLength: 1, maxLength: 8 }), (terms) => {
      const [first, ...rest] = terms as [Term, ...Term[]];
      // biome-ignore lint/suspicious/noExplicitAny: the generated terms are checked at run time, which is the point
      let expression = builder().eq(first.field as any, first.value);
      // biome-ignore lint/suspicious/noExplicitAny: as above
      for (const term of rest) expression = expression.or(term.field as any, term.value);
      const text = String(expression);

      expect(parse(text)).toEqual(terms);
      const encoded = encodeQueryValue(text);
      expect(encoded).not.toMatch(/[ ()]/);
      expect(decodeURIComponent(encoded)).toBe(text);
    }),
    { numRuns: 500 },
  );
});

test("anyOf is the same as an or-chain on one field", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 5 }), (values) => {
      const text = String(builder().anyOf("status", values as [(typeof values)[number], ...typeof values]));
      expect(parse(text)).toEqual(values.map((value) => ({ field: "status", value })));
    }),
  );
});

test("any term is either documented and written as given, or refused with a ConfigurationError", () => {
  fc.assert(
    fc.property(anyTerm, (term) => {
      let text: string;
      try {
        // biome-ignore lint/suspicious/noExplicitAny: callers without TypeScript can pass anything
        text = String(builder().eq(term.field as any, term.value));
      } catch (error) {
        recordError(error);
        expect(error).toBeInstanceOf(ConfigurationError);
        return;
      }
      expect(isDocumented(term)).toBe(true);
      expect(parse(text)).toEqual([term]);
    }),
    { numRuns: 1000 },
  );
});

test("a refused term names the operation it was built for", () => {
  // biome-ignore lint/suspicious/noExplicitAny: callers without TypeScript can pass anything
  const refuse = () => builder().eq("colour" as any, "red" as any);
  expect(refuse).toThrow(
    expect.objectContaining({
      name: "ConfigurationError",
      method: "GET",
      path: "/items",
      operationId: "listItems",
      message: 'GET /items (listItems): filter field "colour" is not documented; use one of status, reference',
    }),
  );
});

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

test("end to end, the server receives the expression intact and the raw query has no space or parenthesis", async () => {
  server.script("GET /items", reply.json(200, { data: [] }));
  const { client } = connect(server.url);
  const filter = client.filter("/items").anyOf("status", ["OPEN", "OVERDUE"]).or("reference", "inv-7");

  await client.GET("/items", { params: { query: { filter: String(filter) } } });

  const [request] = server.requests("GET /items");
  expect(request?.query.get("filter")).toBe("(status eq OPEN or status eq OVERDUE or reference eq inv-7)");
  expect(request?.query.toString()).not.toMatch(/[ ()]|%20/);
});
