// The drift walk on its own: which members and values of an answer the spec does not document.
import { describe, expect, test } from "vitest";
import { driftOf, MAX_DIFFERENCES, pointerPattern } from "../../src/validation/drift";
import { driftNodes } from "../support/response-checks";

describe("driftOf", () => {
  test.each([
    ["a documented answer", "Item", { id: "1", status: "OPEN" }, []],
    [
      "an unknown member",
      "Item",
      { id: "1", status: "OPEN", colour: "red" },
      [["/colour", "unknown-member", undefined]],
    ],
    [
      "an unknown value, shown as it reads as a code",
      "Item",
      { id: "1", status: "FROZEN" },
      [["/status", "unknown-value", "FROZEN"]],
    ],
    [
      "an unknown value that does not read as a code",
      "Item",
      { id: "1", status: "4111 1111" },
      [["/status", "unknown-value", undefined]],
    ],
    [
      "digits only are never shown",
      "Item",
      { id: "1", status: "4111111111111111" },
      [["/status", "unknown-value", undefined]],
    ],
    [
      "inside list items, with their positions",
      "ItemList",
      {
        data: [
          { id: "1", status: "OPEN" },
          { id: "2", status: "NEW", "a/b~c": 1 },
        ],
      },
      [
        ["/data/1/status", "unknown-value", "NEW"],
        ["/data/1/a~1b~0c", "unknown-member", undefined],
      ],
    ],
    [
      "an unknown member is reported once, not walked into",
      "Pagination",
      { page: 1, pages: 2, extra: { deep: true } },
      [["/extra", "unknown-member", undefined]],
    ],
    ["a value of another type is left to the validator", "Item", { id: "1", status: 7 }, []],
  ])("%s", (_, root, body, expected) => {
    const found = driftOf(driftNodes, root, body).map((difference) => [
      difference.pointer,
      difference.kind,
      difference.value,
    ]);
    expect(found).toEqual(expected);
  });

  test("members allowed by additionalProperties are walked with its node", () => {
    const nodes = { Map: { members: {}, otherMembers: "Status" }, Status: { values: ["A"] } };
    expect(driftOf(nodes, "Map", { x: "A", y: "B" }).map((d) => d.pointer)).toEqual(["/y"]);
  });

  test("messages come from the spec, never from the body", () => {
    const [difference] = driftOf(driftNodes, "Item", { id: "1", status: "SECRET-VALUE" });
    expect(difference?.message).toBe('is a value the spec does not list (it lists "OPEN", "CLOSED", "OVERDUE")');
  });

  test(`takes at most ${MAX_DIFFERENCES} differences from one answer`, () => {
    const body = { data: Array.from({ length: 200 }, (_, index) => ({ id: String(index), status: "NEW" })) };
    expect(driftOf(driftNodes, "ItemList", body)).toHaveLength(MAX_DIFFERENCES);
  });
});

test.each([
  ["/data/12/status", "/data/*/status"],
  ["/data/0", "/data/*"],
  ["/data/0x/1", "/data/0x/*"],
  ["", ""],
])("pointerPattern(%j) is %j", (pointer, pattern) => {
  expect(pointerPattern(pointer)).toBe(pattern);
});
