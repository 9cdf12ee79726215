// Plans every file a spec produces, then writes them all, or, in check mode, compares them with
// what is on disk. Planning happens for all specs before anything is written, so one bad spec
// leaves every package as it was.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { hashSpec, listDomains, packageDir, packagesDir, repoRoot, specPath } from "@enfuce-sdk/workspace";
import { replaceBlock } from "./blocks.mjs";
import { loadSpec } from "./load-spec.mjs";
import { renderPagingTable } from "./paging-table.mjs";
import {
  renderAliases,
  renderClient,
  renderOperationsTable,
  renderOperationValidators,
  renderSchema,
  renderSpecMeta,
  renderWebhooks,
  renderWebhookValidators,
  replaceTable,
} from "./render.mjs";
import { renderCoreRepeatability, renderRepeatabilityTable, renderRootRepeatability } from "./repeatability.mjs";
import { planSandbox } from "./sandbox.mjs";
import { managedFiles, starterFiles } from "./scaffold.mjs";
import { hasOperations } from "./walk.mjs";

const GENERATED_DIR = "src/generated";
const readIfExists = (file) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

/** @returns {Promise<{files: Map<string, string>, doc: object}>} absolute path -> content, for one domain */
async function planDomain(domain) {
  const doc = await loadSpec(specPath(domain));
  const specHash = hashSpec(doc);
  const dir = packageDir(domain);
  const files = new Map();
  const manifestText = readIfExists(join(dir, "package.json"));
  const scaffolding = manifestText === undefined;
  const around = { ...managedFiles(domain, doc, manifestText), ...(scaffolding ? starterFiles(domain, doc) : {}) };
  for (const [name, content] of Object.entries(around)) files.set(join(dir, name), content);
  const generated = join(dir, GENERATED_DIR);
  files.set(join(generated, "schema.ts"), await renderSchema(domain, doc, specHash));
  files.set(join(generated, "aliases.ts"), renderAliases(domain, doc, specHash));
  if (hasOperations(doc, "paths")) {
    files.set(join(generated, "spec.ts"), renderSpecMeta(domain, doc, specHash));
    files.set(join(generated, "client.ts"), renderClient(domain, specHash));
    const operationValidators = await renderOperationValidators(domain, doc, specHash);
    files.set(join(generated, "operation-validators.js"), operationValidators.js);
    files.set(join(generated, "operation-validators.d.ts"), operationValidators.dts);
    files.set(join(generated, "validators.ts"), operationValidators.entry);
  }
  if (hasOperations(doc, "webhooks")) {
    const validators = await renderWebhookValidators(domain, doc, specHash);
    files.set(join(generated, "webhook-validators.js"), validators.js);
    files.set(join(generated, "webhook-validators.d.ts"), validators.dts);
    files.set(join(generated, "webhooks.ts"), renderWebhooks(domain, doc, specHash));
  }
  const readmePath = join(dir, "README.md");
  let readme = replaceTable(files.get(readmePath) ?? readIfExists(readmePath) ?? "", renderOperationsTable(doc));
  if (hasOperations(doc, "paths")) {
    readme = replaceBlock(readme, "retries", renderRepeatabilityTable(doc), "Retries and idempotency");
  }
  const paging = renderPagingTable(doc);
  if (paging) readme = replaceBlock(readme, "paging", paging, "Paged lists");
  files.set(readmePath, readme);
  return { files, doc };
}

/** The sections of the core and root READMEs that cover every package; only planned when every spec is. */
function planOverview(docsByDomain) {
  const corePath = join(packagesDir, "core/README.md");
  const rootPath = join(repoRoot, "README.md");
  return new Map([
    [
      corePath,
      replaceBlock(
        readIfExists(corePath) ?? "",
        "retries",
        renderCoreRepeatability(docsByDomain),
        "Which calls are retried",
      ),
    ],
    [
      rootPath,
      replaceBlock(
        readIfExists(rootPath) ?? "",
        "retries",
        renderRootRepeatability(docsByDomain),
        "Which calls are retried",
      ),
    ],
  ]);
}

async function planAll(domains) {
  const plan = new Map();
  const docsByDomain = new Map();
  for (const domain of domains) {
    const { files, doc } = await planDomain(domain);
    for (const [file, content] of files) plan.set(file, content);
    docsByDomain.set(domain, doc);
  }
  const everyDomain = listDomains();
  if (everyDomain.every((domain) => docsByDomain.has(domain))) {
    for (const [file, content] of planOverview(docsByDomain)) plan.set(file, content);
    for (const [file, content] of planSandbox(docsByDomain)) plan.set(file, content);
  }
  return plan;
}

/** The planned files whose content on disk differs from the plan, missing ones included. */
export const differingFiles = (plan) =>
  [...plan].filter(([file, content]) => readIfExists(file) !== content).map(([file]) => file);

/** Files under the packages' src/generated that their specs no longer produce (a removed webhook, say). */
function leftoversOf(plan, domains) {
  const leftovers = [];
  for (const domain of domains) {
    const dir = join(packageDir(domain), GENERATED_DIR);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (!plan.has(join(dir, name))) leftovers.push(join(dir, name));
  }
  return leftovers;
}

export async function generateAll(domains = []) {
  const targets = domains.length > 0 ? domains : listDomains();
  const plan = await planAll(targets);
  const scaffolded = targets.filter((domain) => !existsSync(join(packageDir(domain), "package.json")));
  let written = 0;
  for (const [file, content] of plan) {
    if (readIfExists(file) === content) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    written++;
  }
  const leftovers = leftoversOf(plan, targets);
  for (const file of leftovers) rmSync(file);
  const removed = leftovers.length > 0 ? `, ${leftovers.length} removed` : "";
  console.log(`generated ${targets.length} package(s), ${written} file(s) changed${removed}`);
  if (scaffolded.length > 0) {
    console.log(`scaffolded ${scaffolded.map((d) => `packages/${d}`).join(", ")}: run \`pnpm install\` to link them`);
  }
}

/** @returns {Promise<boolean>} true when every generated file matches its spec */
export async function checkGenerated(domains = []) {
  const targets = domains.length > 0 ? domains : listDomains();
  const plan = await planAll(targets);
  const stale = [...differingFiles(plan), ...leftoversOf(plan, targets)].map((file) => relative(repoRoot, file));
  if (stale.length === 0) {
    console.log(`generated code of ${targets.length} package(s) matches the specs`);
    return true;
  }
  const packages = [...new Set(stale.map((file) => file.split("/").slice(0, 2).join("/")))];
  console.error(`generated code is stale in ${packages.join(", ")}; run \`pnpm generate\` and commit:`);
  for (const file of stale) console.error(`  ${file}`);
  return false;
}
