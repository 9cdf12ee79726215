// The SDK overview of one domain, a VitePress page: the client, then every operation with its
// typed call and what the SDK does for it, every webhook and every schema, each under a heading
// named by its operationId or schema name so the site search finds them. Parameters, bodies,
// answers and examples are one click away in the HTTP reference.
import { packageName } from "@enfuce-sdk/codegen";
import { factsTable, operationFacts } from "./facts.mjs";
import { operationAnchor, referencePath, schemaAnchor, specJsonPath } from "./reference-page.mjs";
import { clientSetup } from "./sdk-calls.mjs";

/** Text from the spec, made safe for VitePress: no raw HTML, no Vue interpolation. */
const text = (value) =>
  String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\{\{/g, "&#123;&#123;")
    .trim();
const oneLine = (value) => text(value).replace(/\s+/g, " ").replace(/\|/g, "\\|");
const badge = (kind, label) => `<span class="VPBadge ${kind}">${label}</span>`;
const code = (source) => `\`\`\`ts\n${source}\n\`\`\``;
const heading = (name, anchor) => `### ${name} {#${anchor}}`;

function operationSection(domain, { method, path, operationId, summary, tag, operation, meta, sdkCall }) {
  return [
    heading(operationId, operationId),
    `\`${method} ${path}\` · ${text(summary)}${meta.deprecated ? ` ${badge("warning", "deprecated")}` : ""}`,
    text(operation.description),
    code(sdkCall),
    factsTable(method, meta),
    `[Parameters, bodies, answers and examples →](${operationAnchor(domain, tag, operationId)}){target="_self"}`,
  ]
    .filter(Boolean)
    .join("\n\n");
}

function webhookSection(domain, webhook) {
  return [
    heading(webhook.operationId, webhook.operationId),
    `Enfuce calls \`${webhook.method} ${webhook.path}\` on your receiver · ${text(webhook.summary)}${
      webhook.deprecated ? ` ${badge("warning", "deprecated")}` : ""
    }`,
    `Deadline: ${webhook.timeoutMs === null ? "none documented" : `${webhook.timeoutMs} ms`}. Deduplicated by: ${
      webhook.idField === null ? "no documented id" : `\`${webhook.idField}\``
    }. How to run the receiver: [webhooks guide](/guides/webhooks).`,
    code(webhook.sdkCall),
    `[Payload, answer and examples →](${operationAnchor(domain, webhook.tag, webhook.operationId)}){target="_self"}`,
  ].join("\n\n");
}

function schemaSection(domain, { name, schema }) {
  const kind = schema.enum ? `enum: ${schema.enum.map((value) => `\`${oneLine(value)}\``).join(", ")}` : "";
  return [
    heading(name, `schema-${name}`),
    text(schema.description),
    kind,
    `[Schema →](${schemaAnchor(domain, name)}){target="_self"}`,
  ]
    .filter(Boolean)
    .join("\n\n");
}

function summaryTable(operations) {
  const rows = operations.map(({ method, path, operationId, meta }) => {
    const facts = operationFacts(method, meta);
    const notes = [
      meta.deprecated && "deprecated",
      meta.idempotencyHeader && "idempotency key",
      meta.paging && "pages",
      meta.filter && "filter",
    ].filter(Boolean);
    return `| [\`${operationId}\`](#${operationId}) | \`${method} ${path}\` | ${facts.retried ? "yes" : "opt-in"} | ${notes.join(", ")} |`;
  });
  return ["| operationId | Request | Retried | Notes |", "|---|---|---|---|", ...rows].join("\n");
}

/** @returns {string} the markdown of docs/site/domains/<domain>.md */
export function domainPage(model) {
  const { domain, doc, title, operations, webhooks, schemas } = model;
  const parts = [
    `---\ntitle: ${JSON.stringify(title)}\noutline: [2, 3]\n---`,
    `# ${text(title)}`,
    `\`${packageName(domain)}\` · [HTTP reference](${referencePath(domain)}){target="_self"} · [Changelog](/changelog/${domain}) · [Spec (JSON)](${specJsonPath(domain)}){target="_self"}`,
    text(doc.info?.description),
    `\`\`\`sh\nnpm install ${packageName(domain)}\n\`\`\``,
  ];
  if (operations.length > 0) {
    parts.push("## Client", code(clientSetup(domain)), "## Operations", summaryTable(operations));
    parts.push(...operations.map((operation) => operationSection(domain, operation)));
  }
  if (webhooks.length > 0) {
    parts.push("## Webhooks", ...webhooks.map((webhook) => webhookSection(domain, webhook)));
  }
  if (schemas.length > 0) parts.push("## Schemas", ...schemas.map((schema) => schemaSection(domain, schema)));
  return `${parts.join("\n\n")}\n`;
}
