// The "Paged lists" section of a domain README: every operation paginate() walks, with its style.
import { cell } from "./blocks.mjs";
import { operationIndex } from "./operations.mjs";
import { describePaging } from "./paging.mjs";

/** The table, or undefined when no operation of the spec pages. */
export function renderPagingTable(doc) {
  const rows = Object.entries(operationIndex(doc))
    .filter(([, meta]) => meta.paging)
    .map(([key, meta]) => {
      const { style, end } = describePaging(meta.paging);
      const sizes = `${meta.paging.sizeMin}..${meta.paging.sizeMax ?? "∞"}${meta.paging.sizeDefault === null ? "" : `, default ${meta.paging.sizeDefault}`}`;
      return `| \`${key}\` (\`${meta.operationId}\`) | ${cell(style)} | ${cell(end)} | ${sizes} |`;
    });
  if (rows.length === 0) return undefined;
  return [
    "`client.paginate(path, init)` walks these operations page by page (see @enfuce-sdk/core, Pagination); any other is a type error.",
    "",
    "| Operation | Style | Ends on | `size` |",
    "|---|---|---|---|",
    ...rows,
  ].join("\n");
}
