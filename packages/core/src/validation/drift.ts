// What an answer says that the spec does not: members it does not name and values its open enums do
// not list. One walk over the body along the answer's drift nodes (generated from the spec, unions
// merged: a member or value documented in any alternative counts as documented). Messages come
// from the spec, never from the body; a value is shown only when it reads as a code.
import { escapePointer, listValues } from "../webhook/problems";
import type { DriftNode, ResponseDrift } from "./types";

export type Difference = Pick<ResponseDrift, "pointer" | "kind" | "message" | "value">;

/** At most this many differences are taken from one answer. */
export const MAX_DIFFERENCES = 50;
const CODE = /^(?=.*[A-Za-z])[A-Za-z0-9_.:-]{1,64}$/;
const NO_NODE: DriftNode = {};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The unknown members and values of `body`, starting at node `root`. */
export function driftOf(nodes: { readonly [name: string]: DriftNode }, root: string, body: unknown): Difference[] {
  const found: Difference[] = [];
  const walk = (name: string, value: unknown, pointer: string): void => {
    if (found.length >= MAX_DIFFERENCES) return;
    const node = nodes[name] ?? NO_NODE;
    if (Array.isArray(value)) {
      const { items } = node;
      if (items !== undefined) for (const [index, item] of value.entries()) walk(items, item, `${pointer}/${index}`);
      return;
    }
    if (isObject(value)) {
      const { members, otherMembers } = node;
      if (members === undefined) return;
      for (const member in value) {
        const at = `${pointer}/${escapePointer(member)}`;
        const known = members[member] ?? otherMembers;
        if (known !== undefined) walk(known, value[member], at);
        else if (found.length < MAX_DIFFERENCES) {
          found.push({ pointer: at, kind: "unknown-member", message: "is a member the spec does not document" });
        }
      }
      return;
    }
    if (typeof value === "string" && node.values !== undefined && !node.values.includes(value)) {
      found.push({
        pointer,
        kind: "unknown-value",
        message: `is a value the spec does not list (it lists ${listValues(node.values)})`,
        ...(CODE.test(value) ? { value } : {}),
      });
    }
  };
  walk(root, body, "");
  return found;
}

/** The pointer with list positions as `*`: one difference is reported once for every item of a list. */
export const pointerPattern = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, "/*");
