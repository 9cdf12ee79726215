// Which operations the client repeats after a failure that may have reached Enfuce, and why: the
// same rule as the core's retry policy (packages/core/src/retry.ts, isSafeToRepeat), written out
// per operation for the READMEs. A test holds the two to the same answers.
import { cell } from "./blocks.mjs";
import { operationIndex } from "./operations.mjs";
import { eachOperation, operationKey } from "./walk.mjs";

const READS = new Set(["get", "head", "options"]);
const IDEMPOTENT_WRITES = new Set(["put", "delete"]);

/**
 * @param {string} method lower case
 * @param {{ idempotencyHeader?: string }} meta the operation's generated facts
 * @returns {{ repeated: boolean, why: string }}
 */
export function repeatabilityOf(method, meta) {
  const verb = `\`${method.toUpperCase()}\``;
  if (READS.has(method)) return { repeated: true, why: `${verb} only reads` };
  if (IDEMPOTENT_WRITES.has(method)) {
    return { repeated: true, why: `${verb} is idempotent: a second one has no further effect` };
  }
  if (meta.idempotencyHeader) {
    return { repeated: true, why: `the spec declares \`${meta.idempotencyHeader}\`; every attempt sends the same key` };
  }
  return {
    repeated: false,
    why: "no idempotency key in the spec: retried only when the connection was refused before anything was sent, or with `retry: true`",
  };
}

/** One row per client operation of a spec: its repeatability and idempotency header. */
export function repeatabilityRows(doc) {
  const index = operationIndex(doc);
  const rows = [];
  eachOperation(doc, "paths", ({ key: path, method, operation }) => {
    const meta = index[operationKey(method, path)];
    rows.push({
      method,
      path,
      operationId: operation.operationId,
      header: meta.idempotencyHeader,
      ...repeatabilityOf(method, meta),
    });
  });
  return rows;
}

function table(rows) {
  const lines = rows.map(
    (row) =>
      `| \`${row.method.toUpperCase()} ${row.path}\` (\`${row.operationId}\`) | ${row.repeated ? "yes" : "**no**"} | ${cell(row.why)} | ${row.header ? `\`${row.header}\`` : "none"} |`,
  );
  return ["| Operation | Retried on failure | Why | Idempotency header |", "|---|---|---|---|", ...lines].join("\n");
}

const INTRO =
  "A failure that may have reached Enfuce (a 408, 429, 500, 502, 503 or 504, a timeout, a broken connection) " +
  "is retried only where repeating the call cannot take effect twice. `retry: false` opts any call out, " +
  "`retry: true` opts a call in; `idempotencyKey` is accepted only where the spec declares the header.";

/** The section of a domain README: one table of every client operation. */
export const renderRepeatabilityTable = (doc) => `${INTRO}\n\n${table(repeatabilityRows(doc))}`;

const summaryOf = (rows) => {
  const keyed = rows.filter((row) => row.header).length;
  const notRepeated = rows.filter((row) => !row.repeated).length;
  return { total: rows.length, keyed, notRepeated };
};

/** The core README's section: the rule, then each package's table (folded). */
export function renderCoreRepeatability(docsByDomain) {
  const sections = [];
  for (const [domain, doc] of docsByDomain) {
    const rows = repeatabilityRows(doc);
    if (rows.length === 0) continue;
    const { total, notRepeated } = summaryOf(rows);
    sections.push(
      `<details><summary><code>@enfuce-sdk/${domain}</code>: ${total - notRepeated} of ${total} operations retried</summary>\n\n${table(rows)}\n\n</details>`,
    );
  }
  return `${INTRO}\n\n${sections.join("\n\n")}`;
}

/** The root README's summary: per package, how many operations are retried, with a link to the tables. */
export function renderRootRepeatability(docsByDomain) {
  const lines = [];
  for (const [domain, doc] of docsByDomain) {
    const rows = repeatabilityRows(doc);
    if (rows.length === 0) continue;
    const { total, keyed, notRepeated } = summaryOf(rows);
    lines.push(
      `| [\`@enfuce-sdk/${domain}\`](packages/${domain}#retries-and-idempotency) | ${total} | ${total - notRepeated} | ${keyed} | ${notRepeated} |`,
    );
  }
  return [
    "Reads, `PUT` and `DELETE` are retried; a `POST` or `PATCH` only where its spec declares an idempotency key, which",
    "the client sends unchanged on every attempt. The rest is never repeated after a failure that may have reached",
    "Enfuce, so no retry can move money twice. Every operation, with the reason, is listed in",
    "[`packages/core/README.md`](packages/core/README.md#which-calls-are-retried) and in each package's README.",
    "",
    "| package | operations | retried | with an idempotency key | never repeated |",
    "|---|---|---|---|---|",
    ...lines,
  ].join("\n");
}
