#!/usr/bin/env node
// Builds the documentation site into docs/dist: generated pages from the specs and changesets, the
// SDK calls type-checked against the built packages, VitePress for the guides and domain pages (and
// the search over them), Redoc pages for the HTTP reference, TypeDoc for the core and the sandbox.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build as buildVitePress } from "vitepress";
import { apiPackages, buildApiReference } from "./api-reference.mjs";
import { changelogIndex, changelogPage, pendingChangesets, publishedPackages } from "./changelogs.mjs";
import { renderDiagrams } from "./diagrams.mjs";
import { domainPage } from "./domain-page.mjs";
import { loadDomains } from "./domains.mjs";
import { distDir, generatedPagesDirs, generatedPublicDir, siteDir } from "./paths.mjs";
import { copyRedocBundle } from "./redoc-bundle.mjs";
import { referenceHtml } from "./reference-page.mjs";
import { checkSnippets, writeSnippets } from "./snippets.mjs";

const started = Date.now();
const step = async (name, work) => {
  const at = Date.now();
  const result = await work();
  console.info(`docs: ${name} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
  return result;
};

function writeFresh(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}

function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

const domains = await step("read the specs", loadDomains);

await step("generate pages", async () => {
  const list = domains.map(
    ({ domain, title }) => `| [${domain}](/domains/${domain}) | ${title} | \`@enfuce-sdk/${domain}\` |`,
  );
  writeFresh(generatedPagesDirs.domains, {
    ...Object.fromEntries(domains.map((model) => [`${model.domain}.md`, domainPage(model)])),
    "_list.md": `| domain | API | package |\n|---|---|---|\n${list.join("\n")}\n`,
  });
  const packages = publishedPackages();
  const changesets = pendingChangesets();
  writeFresh(generatedPagesDirs.changelog, {
    "index.md": changelogIndex(packages),
    ...Object.fromEntries(packages.map((pkg) => [`${pkg.dir}.md`, changelogPage(pkg, changesets)])),
  });
  rmSync(generatedPublicDir, { recursive: true, force: true });
  await renderDiagrams(join(siteDir, "diagrams"), join(generatedPublicDir, "diagrams"));
  copyRedocBundle(join(generatedPublicDir, "redoc"));
});

// tsc runs beside VitePress: the two take most of the build, each on one core.
writeSnippets(domains);
const snippetsChecked = step("type-check the SDK calls (tsc)", checkSnippets);
await step("VitePress", () => buildVitePress(siteDir));
await snippetsChecked;

await step("HTTP reference (Redoc)", () => {
  const dir = join(distDir, "reference");
  mkdirSync(dir, { recursive: true });
  for (const model of domains) {
    writeFileSync(join(dir, `${model.domain}.html`), referenceHtml(model));
    writeFileSync(join(dir, `${model.domain}.openapi.json`), `${JSON.stringify(model.doc, null, 2)}\n`);
  }
});

for (const dir of apiPackages()) {
  await step(`API reference of @enfuce-sdk/${dir} (TypeDoc)`, () => buildApiReference(dir, join(distDir, "api", dir)));
}

const { bytes, files } = sizeOf(distDir);
console.info(
  `docs: built ${domains.length} domains into docs/dist: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB, in ${(
    (Date.now() - started) / 1000
  ).toFixed(1)} s`,
);
