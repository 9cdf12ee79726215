// What the SDK does for one operation, in words, from the facts codegen computed for it
// (packages/<domain>/src/generated/spec.ts): retries (codegen's repeatability, the core's rule),
// idempotency header, paging, filter.
import { describePaging, repeatabilityOf } from "@enfuce-sdk/codegen";

/** The paging style in the README's words (codegen's describePaging), with the size limits. */
function pagingFact(paging) {
  const { style, end } = describePaging(paging);
  const size = `\`size\` ${paging.sizeMin}–${paging.sizeMax ?? "∞"}${
    paging.sizeDefault === null ? "" : ` (default ${paging.sizeDefault})`
  }`;
  return `yes: ${style}; ${size}; ends at ${end}. \`client.paginate()\` walks every page`;
}

/** @returns {{ retried: boolean, retry: string, idempotency: string, paging: string, filter: string }} */
export function operationFacts(method, meta) {
  const { repeated, why } = repeatabilityOf(method.toLowerCase(), meta);
  const retry = repeated ? `yes: ${why}; 408, 429, 5xx, timeouts and broken connections are retried` : `**no**: ${why}`;
  const idempotency = meta.idempotencyHeader
    ? `\`${meta.idempotencyHeader}\`: generated per call and sent unchanged on every attempt; pass \`idempotencyKey\` to choose it`
    : "none declared (an `idempotencyKey` is refused)";
  const paging = meta.paging ? pagingFact(meta.paging) : "no";
  const filter = meta.filter
    ? `\`${meta.filter.parameter}\` with ${meta.filter.operators.map((o) => `\`${o}\``).join(", ")} on ${Object.keys(
        meta.filter.fields,
      )
        .map((f) => `\`${f}\``)
        .join(", ")}; build it with \`client.filter()\``
    : "no";
  return { retried: repeated, retry, idempotency, paging, filter };
}

/** A markdown table of the facts, for the HTTP reference and the domain page alike. */
export function factsTable(method, meta) {
  const facts = operationFacts(method, meta);
  return [
    "| SDK | |",
    "|---|---|",
    `| Retried | ${facts.retry} |`,
    `| Idempotency header | ${facts.idempotency} |`,
    `| Pages | ${facts.paging} |`,
    `| Filter | ${facts.filter} |`,
  ].join("\n");
}
