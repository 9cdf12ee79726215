// Opens the built site in Debian's headless Chromium, served on 127.0.0.1 and a free port: every
// domain page and HTTP reference renders every operation, search finds an operation by its id and
// a schema by its name, short anchors land on their operation, and no page logs a console error or
// requests anything outside the site. Screenshots of two pages go to docs/dist/screenshots.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startLocalServer } from "@enfuce-sdk/workspace";
import { loadDomains } from "../src/domains.mjs";
import { distDir, docsDir } from "../src/paths.mjs";
import { operationAnchor, operationSection, schemaSection } from "../src/reference-page.mjs";
import { findChromium, INSTALL_HINT, launchChromium } from "./support/chromium.mjs";

const executablePath = findChromium();
if (!executablePath && process.env.CI === "true") {
  throw new Error(`Chromium is required in CI for the docs browser test: ${INSTALL_HINT}`);
}
const skip = executablePath ? false : `Chromium not found: install it with \`${INSTALL_HINT}\``;
if (skip) console.info(`docs browser test skipped: ${skip}`);

const RENDER_TIMEOUT_MS = 60_000;
let site;
let browser;
let page;
/** What went wrong on the current page: console errors, uncaught errors, requests leaving the site. */
const problems = [];
let domains;

before(async () => {
  if (skip) return;
  domains = await loadDomains();
  site = await startLocalServer({
    name: "docs site",
    script: join(docsDir, "src/serve.mjs"),
    args: (port) => ["--port", String(port)],
    url: (port) => `http://127.0.0.1:${port}`,
  });
  browser = await launchChromium(executablePath);
  page = await browser.context.newPage();
  const own = (url) => url.startsWith(`${site.url}/`) || url.startsWith(`blob:${site.url}/`) || url.startsWith("data:");
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("request", (request) => {
    if (!own(request.url())) problems.push(`request outside the site: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
});

after(async () => {
  if (page) {
    await page.waitForLoadState("networkidle");
    checkProblems();
  }
  await browser?.close();
  await site?.stop();
});

let current = "(none)";
/** Fails on anything the page complained about since it was opened, late requests included. */
const checkProblems = () => assert.deepEqual(problems, [], `${current} had problems`);

/** Opens a page and waits for `ready` (after checking the page before it). */
async function visit(path, ready) {
  checkProblems();
  current = path;
  await page.goto(`${site.url}${path}`, { waitUntil: "load" });
  await page.waitForSelector(ready, { timeout: RENDER_TIMEOUT_MS });
  checkProblems();
}

const sectionIds = () => page.$$eval("[data-section-id]", (elements) => elements.map((e) => e.dataset.sectionId));

test("each domain page lists every operation, webhook and schema under its own heading", { skip }, async () => {
  for (const { domain, operations, webhooks, schemas } of domains) {
    await visit(`/domains/${domain}.html`, "h1");
    const ids = new Set(await page.$$eval("h3[id]", (headings) => headings.map((h) => h.id)));
    const expected = [...operations, ...webhooks]
      .map((o) => o.operationId)
      .concat(schemas.map((s) => `schema-${s.name}`));
    assert.deepEqual(
      expected.filter((id) => !ids.has(id)),
      [],
      `${domain}: headings missing`,
    );
  }
});

test("each HTTP reference renders every operation with its SDK call, and every schema", { skip }, async () => {
  for (const { domain, operations, webhooks, schemas } of domains) {
    await visit(`/reference/${domain}.html`, "#redoc[data-rendered=true]");
    const rendered = new Set(await sectionIds());
    // The ids the domain pages link to: each must be a section Redoc rendered.
    const expected = [...operations, ...webhooks]
      .map((o) => operationSection(o.tag, o.operationId))
      .concat(schemas.map((schema) => schemaSection(schema.name)));
    assert.deepEqual(
      expected.filter((id) => !rendered.has(id)),
      [],
      `${domain}: sections not rendered`,
    );
    const samples = await page.locator("pre").allInnerTexts();
    const first = operations[0] ?? webhooks[0];
    const call = first.sdkCall.split("\n").find((line) => line.includes("await "));
    assert.ok(
      samples.some((text) => text.includes(call.trim())),
      `${domain}: the SDK call of ${first.operationId} is not shown`,
    );
  }
});

test("a link from a domain page opens its operation in the HTTP reference", { skip }, async () => {
  await visit("/domains/card.html", "h3#createMcCard");
  const section = operationSection("Create card", "createMcCard");
  await page.click(`a[href$="#${section}"]`);
  await page.waitForSelector("#redoc[data-rendered=true]", { timeout: RENDER_TIMEOUT_MS });
  current = "/reference/card.html";
  const top = await page.$eval(`[data-section-id="${section}"]`, (element) => element.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 50, `the operation is ${top} px from the top of the window`);
  assert.equal(new URL(page.url()).hash, `#${section}`);
});

async function search(query) {
  await visit("/", ".VPNavBarSearch");
  await page.click(".VPNavBarSearch button");
  await page.fill("#localsearch-input", query);
  return page.locator(".VPLocalSearchBox a.result");
}

test("search finds an operation by its operationId and opens it", { skip }, async () => {
  const results = await search("getInstalmentById");
  const hit = results.and(page.locator("[href*='#getInstalmentById']")).first();
  await hit.waitFor({ timeout: RENDER_TIMEOUT_MS });
  await hit.click();
  await page.waitForURL(/\/domains\/instalment(\.html)?#getInstalmentById$/);
  // The router swaps the page in after the URL changes: wait for the heading, then see it was scrolled to.
  const heading = page.locator("h3#getInstalmentById");
  await heading.waitFor({ state: "visible" });
  await page.waitForFunction(() => {
    const top = document.getElementById("getInstalmentById")?.getBoundingClientRect().top ?? -1;
    return top >= 0 && top < innerHeight;
  });
});

test("search finds a schema by its name", { skip }, async () => {
  const results = await search("InstalmentPortion");
  await results.and(page.locator("[href*='#schema-InstalmentPortion']")).first().waitFor();
});

test("guides, changelogs and the core's API reference open cleanly; the diagram is drawn", { skip }, async () => {
  for (const guide of ["getting-started", "errors-and-retries", "pagination-and-filters", "testing", "releases"]) {
    await visit(`/guides/${guide}.html`, "h1");
  }
  await visit("/guides/webhooks.html", "img[src*='authorisation-deadline.svg']");
  const width = await page.$eval("img[src*='authorisation-deadline.svg']", (image) => image.naturalWidth);
  assert.ok(width > 100, `the sequence diagram is ${width} px wide`);
  await visit("/changelog/", "h1");
  await visit("/changelog/core.html", "h1");
  await visit("/api/core/index.html", "h1");
});

test("screenshots of a domain page and an HTTP reference", { skip }, async () => {
  const dir = join(distDir, "screenshots");
  mkdirSync(dir, { recursive: true });
  await visit("/domains/instalment.html", "h1");
  await page.screenshot({ path: join(dir, "domain-instalment.png") });
  await visit(operationAnchor("card", "Create card", "createMcCard"), "#redoc[data-rendered=true]");
  await page.screenshot({ path: join(dir, "reference-card.png") });
});
