import { loadSchemaValidator } from "@enfuce-sdk/codegen/schema-validator";
import { describe, expect, it } from "vitest";

// Answers of specs/hierarchy.yaml are read as the pages document them, checked as Prism and the
// contract tests read them.
const check = await loadSchemaValidator("hierarchy");

describe("cards in a group", () => {
  it("are plain strings, as documented: no id format is imposed on the answer", () => {
    expect(check("GroupCardIds", ["123456789", "CARD-0001"])).toEqual([]);
    expect(check("GroupCardIds", [123456789])).toEqual(["/0 must be string"]);
  });
});
