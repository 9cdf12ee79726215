// Every page of the built site, read as files: each link and resource inside the site resolves to
// a file (and a heading, where a VitePress page names one), and nothing is loaded from elsewhere.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { distDir } from "../src/paths.mjs";

const pages = readdirSync(distDir, { recursive: true })
  .filter((file) => file.endsWith(".html"))
  .map((file) => join(distDir, file));

const LINK = /<(a|link|script|img|source|iframe)\b[^>]*?\s(href|src)="([^"]*)"/g;

/** The file a site-relative URL names, as sirv serves it (`/x` -> `/x.html`, `/x/` -> `/x/index.html`). */
function fileOf(pathname) {
  const path = join(distDir, decodeURIComponent(pathname));
  if (pathname.endsWith("/")) return join(path, "index.html");
  if (existsSync(path)) return path;
  return `${path}.html`;
}

const idsOf = new Map();
const hasId = (file, id) => {
  if (!idsOf.has(file)) {
    idsOf.set(file, new Set([...readFileSync(file, "utf8").matchAll(/\sid="([^"]+)"/g)].map((match) => match[1])));
  }
  return idsOf.get(file).has(id);
};

test("the site was built", () => {
  assert.ok(pages.length > 40, `docs/dist holds ${pages.length} pages: run \`pnpm run docs\``);
});

test("links and resources inside the site resolve, and no resource is loaded from elsewhere", () => {
  const broken = [];
  for (const page of pages) {
    const html = readFileSync(page, "utf8");
    const where = relative(distDir, page);
    for (const [, tag, , value] of html.matchAll(LINK)) {
      if (/^(https?:)?\/\//.test(value)) {
        // An outbound hyperlink is fine; anything the page would load from elsewhere is not.
        if (tag !== "a") broken.push(`${where}: loads ${value}`);
        continue;
      }
      if (/^(mailto:|data:|javascript:|#$)/.test(value) || value === "") continue;
      const url = new URL(value.replace(/&amp;/g, "&"), `http://site/${where}`);
      const file = fileOf(url.pathname);
      if (!existsSync(file)) {
        broken.push(`${where}: ${value} (no ${relative(distDir, file)})`);
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      // Redoc pages build their sections in the browser; the browser test follows those anchors.
      if (id && file.endsWith(".html") && !file.includes("/reference/") && !hasId(file, id)) {
        broken.push(`${where}: ${value} (no #${id} in ${relative(distDir, file)})`);
      }
    }
  }
  assert.deepEqual(broken, []);
});
