// Lists as the docs describe them: zero-based `page` and `size` (bounds and default from the spec;
// the validator has refused values out of bounds), as a `{ pagination, data }` wrapper or a plain
// array, and the documented filter expressions (`status eq OPEN`, `(status eq A or status eq B)`).
import type { OperationCall } from "./call";
import { invalid } from "./refusal";

export interface Page<Item> {
  readonly items: Item[];
  readonly pagination: {
    readonly page: number;
    readonly pages: number;
    readonly elements: number;
    readonly size: number;
  };
}

function queryNumber(call: OperationCall, name: string, fallback: number): number {
  const given = call.params.query[name];
  if (typeof given === "number") return given;
  const fact = call.operation.facts.parameters.find((parameter) => parameter.in === "query" && parameter.name === name);
  return typeof fact?.default === "number" ? fact.default : fallback;
}

/** The requested page of `items`; past the last page it is empty. */
export function pageOf<Item>(items: readonly Item[], call: OperationCall): Page<Item> {
  const page = queryNumber(call, "page", 0);
  const size = queryNumber(call, "size", 30);
  return {
    items: items.slice(page * size, (page + 1) * size),
    pagination: { page, pages: Math.ceil(items.length / size), elements: items.length, size },
  };
}

/** A `{ pagination, data }` answer. */
export function pagedWrapper<Item>(items: readonly Item[], call: OperationCall) {
  const { items: data, pagination } = pageOf(items, call);
  return { pagination, data };
}

const TERM = /^([A-Za-z][A-Za-z0-9_]*)\s+(\S+)\s+(\S+)$/;

/**
 * The items the operation's `filter` query parameter selects (all when none is given). Only the
 * fields, values and operators the operation documents are accepted; anything else is refused.
 */
export function filtered<Item extends object>(items: readonly Item[], call: OperationCall): Item[] {
  const meta = call.operation.facts.filter;
  const expression = meta ? call.params.query[meta.parameter] : undefined;
  if (!meta || typeof expression !== "string" || expression.trim() === "") return [...items];
  const field = meta.parameter;
  let text = expression.trim();
  if (text.startsWith("(") && text.endsWith(")")) text = text.slice(1, -1).trim();
  const alternatives = text.split(/\s+or\s+/);
  if (alternatives.length > 1 && !meta.operators.includes("or"))
    throw invalid(field, `${field}: the operator or is not documented`);
  const terms = alternatives.map((term) => {
    const match = TERM.exec(term.trim());
    if (!match)
      throw invalid(
        field,
        `${field}: cannot read ${JSON.stringify(term).slice(0, 80)}; write \`<field> eq <value>\` joined by \` or \``,
      );
    const [, name = "", operator = "", value = ""] = match;
    if (operator !== "eq" || !meta.operators.includes("eq"))
      throw invalid(field, `${field}: the operator ${operator} is not documented`);
    if (!Object.hasOwn(meta.fields, name)) {
      throw invalid(field, `${field}: ${name} cannot be filtered on; use ${Object.keys(meta.fields).join(", ")}`);
    }
    const allowed = meta.fields[name];
    if (allowed && !allowed.includes(value)) {
      throw invalid(field, `${field}: ${value} is not a value of ${name}; use one of ${allowed.join(", ")}`);
    }
    return { name, value };
  });
  return items.filter((item) =>
    terms.some(({ name, value }) => String((item as Record<string, unknown>)[name]) === value),
  );
}
