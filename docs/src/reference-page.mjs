// The HTTP reference of one domain: the bundled spec, enriched with the SDK call (x-codeSamples),
// the SDK facts of every operation and a "Schemas" section, rendered by Redoc in the browser from
// the copy of its standalone bundle the site serves itself. Nothing is fetched from elsewhere.
import slugify from "slugify";
import { factsTable } from "./facts.mjs";
import { clientSetup } from "./sdk-calls.mjs";

export const REDOC_SCRIPT = "/generated/redoc/redoc.standalone.js";
const SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const MONO_FONTS = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** Redoc options: fonts the machine has (its defaults name web fonts), responses open, no download button. */
const REDOC_OPTIONS = {
  hideDownloadButton: true,
  // The SDK call carries the documented request body already; one tab instead of two.
  hideRequestPayloadSample: true,
  expandResponses: "200,201,202,204",
  jsonSampleExpandLevel: 3,
  requiredPropsFirst: true,
  nativeScrollbars: true,
  theme: {
    // Wider than Redoc's 40%, so more of each SDK call fits beside its operation.
    rightPanel: { width: "45%" },
    typography: {
      fontFamily: SYSTEM_FONTS,
      headings: { fontFamily: SYSTEM_FONTS },
      code: { fontFamily: MONO_FONTS },
    },
  },
};

export const referencePath = (domain) => `/reference/${domain}.html`;
export const specJsonPath = (domain) => `/reference/${domain}.openapi.json`;
const schemaTag = (name) => `schema-${name}`;
// Redoc's own section ids (its safeSlugify is slugify 1.4.7 of the tag), so a link lands where Redoc
// scrolls to on load. The browser test checks every operation's id against the rendered page.
export const operationSection = (tag, operationId) => `tag/${slugify(tag)}/operation/${operationId}`;
export const schemaSection = (name) => `tag/${slugify(schemaTag(name))}`;
export const operationAnchor = (domain, tag, operationId) =>
  `${referencePath(domain)}#${operationSection(tag, operationId)}`;
export const schemaAnchor = (domain, name) => `${referencePath(domain)}#${schemaSection(name)}`;

function webhookFacts(webhook) {
  return [
    "| SDK | |",
    "|---|---|",
    `| Served at | \`${webhook.method} ${webhook.path}\` by the receiver of the package |`,
    `| Deadline | ${webhook.timeoutMs === null ? "none documented; the receiver's `deadlineMs` decides" : `${webhook.timeoutMs} ms, after which Enfuce stops waiting`} |`,
    `| Deduplication | ${webhook.idField === null ? "no documented id" : `by \`${webhook.idField}\`: a repeated delivery is answered without calling your code again`} |`,
  ].join("\n");
}

const appendDescription = (operation, text) => {
  operation.description = [operation.description, text].filter(Boolean).join("\n\n");
};

function infoDescription(model) {
  const { doc, domain, operations } = model;
  const gaps = doc.info?.["x-enfuce-gaps"] ?? [];
  return [
    doc.info?.description ?? "",
    `[← All docs](/) · [SDK overview of this domain](/domains/${domain}.html) · [Changelog](/changelog/${domain}.html) · [The bundled spec (JSON)](${specJsonPath(domain)})`,
    operations.length > 0 ? `Every call below uses this client:\n\n\`\`\`ts\n${clientSetup(domain)}\n\`\`\`` : "",
    gaps.length > 0
      ? `### Gaps in Enfuce's documentation\n\nWhere the docs are silent the spec says so rather than guessing:\n\n${gaps.map((gap) => `- ${gap}`).join("\n")}`
      : "",
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** @returns {object} a copy of the spec with the SDK's view added, ready for Redoc */
export function referenceSpec(model) {
  const doc = structuredClone(model.doc);
  doc.info = {
    ...doc.info,
    description: infoDescription(model),
    "x-logo": { url: "/logo.svg", href: "/", altText: "Enfuce SDK docs" },
  };
  for (const { method, path, sdkCall, meta } of model.operations) {
    const operation = doc.paths[path][method.toLowerCase()];
    operation["x-codeSamples"] = [{ lang: "TypeScript", label: "SDK", source: sdkCall }];
    appendDescription(operation, factsTable(method, meta));
  }
  for (const webhook of model.webhooks) {
    const operation = doc.webhooks[webhook.name][webhook.method.toLowerCase()];
    operation["x-codeSamples"] = [{ lang: "TypeScript", label: "SDK", source: webhook.sdkCall }];
    appendDescription(operation, webhookFacts(webhook));
  }
  const usedTags = new Set();
  for (const item of [...Object.values(doc.paths ?? {}), ...Object.values(doc.webhooks ?? {})]) {
    for (const operation of Object.values(item)) for (const tag of operation?.tags ?? []) usedTags.add(tag);
  }
  const declared = (doc.tags ?? []).map((tag) => tag.name).filter((name) => usedTags.has(name));
  const operationTags = [...new Set([...declared, ...usedTags])];
  const schemaTags = model.schemas.map(({ name }) => ({
    name: schemaTag(name),
    "x-displayName": name,
    description: `<SchemaDefinition schemaRef="#/components/schemas/${name}" />`,
  }));
  doc.tags = [...(doc.tags ?? []).filter((tag) => usedTags.has(tag.name)), ...schemaTags];
  doc["x-tagGroups"] = [
    {
      name: model.webhooks.length > 0 && model.operations.length === 0 ? "Webhooks" : "Operations",
      tags: operationTags,
    },
    { name: "Schemas", tags: schemaTags.map((tag) => tag.name) },
  ].filter((group) => group.tags.length > 0);
  return doc;
}

const scriptJson = (value) => JSON.stringify(value).replace(/</g, "\\u003c");

/** The page: Redoc renders the enriched spec in the browser and marks #redoc rendered when done. */
export function referenceHtml(model) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${model.title} · HTTP reference · Enfuce TypeScript SDK</title>
<link rel="icon" href="/logo.svg" type="image/svg+xml">
<style>body { margin: 0; }</style>
</head>
<body>
<div id="redoc" data-domain="${model.domain}"></div>
<script id="spec" type="application/json">${scriptJson(referenceSpec(model))}</script>
<script src="${REDOC_SCRIPT}"></script>
<script>
  Redoc.init(JSON.parse(document.getElementById("spec").textContent), ${scriptJson(REDOC_OPTIONS)}, document.getElementById("redoc"), () => {
    document.getElementById("redoc").dataset.rendered = "true";
  });
</script>
</body>
</html>
`;
}
