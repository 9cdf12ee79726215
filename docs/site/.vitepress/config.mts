// VitePress builds the guides, the generated domain pages and changelogs, and the search over them.
// The HTTP reference (/reference/, Redoc) and the API reference (/api/, TypeDoc) are separate static
// pages the build writes next to it: links to them leave the VitePress router (target _self).
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitepress";

const siteDir = fileURLToPath(new URL("..", import.meta.url));
const pagesIn = (dir: string) =>
  readdirSync(new URL(`../${dir}`, import.meta.url))
    .filter((name) => name.endsWith(".md") && !name.startsWith("_") && name !== "index.md")
    .map((name) => name.slice(0, -".md".length))
    .sort();

const outside = (text: string, link: string) => ({ text, link, target: "_self" });
// TypeDoc documents these packages when they exist (docs/src/api-reference.mjs).
const apiPackages = ["core", "testing"].filter((dir) =>
  existsSync(new URL(`../../../packages/${dir}/src/index.ts`, import.meta.url)),
);

export default defineConfig({
  title: "Enfuce TypeScript SDK",
  description: "Typed Node.js clients for the Enfuce card-issuing Payment API",
  srcDir: siteDir,
  outDir: fileURLToPath(new URL("../../dist", import.meta.url)),
  cacheDir: fileURLToPath(new URL("../../.generated/vitepress-cache", import.meta.url)),
  srcExclude: ["**/_*.md"],
  lang: "en",
  head: [["link", { rel: "icon", href: "/logo.svg", type: "image/svg+xml" }]],
  // Pages outside VitePress: checked by the site test, which follows every link.
  ignoreDeadLinks: [/^\/reference\//, /^\/api\//],
  themeConfig: {
    logo: "/logo.svg",
    search: { provider: "local" },
    outline: [2, 3],
    nav: [
      { text: "Guides", link: "/guides/getting-started" },
      { text: "Domains", link: "/domains/instalment" },
      { text: "Core API", link: "/api/core/index.html", target: "_self" },
      { text: "Changelogs", link: "/changelog/" },
    ],
    sidebar: {
      "/": [
        {
          text: "Guides",
          items: [
            { text: "Getting started", link: "/guides/getting-started" },
            { text: "Errors and retries", link: "/guides/errors-and-retries" },
            { text: "Pagination and filters", link: "/guides/pagination-and-filters" },
            { text: "Webhooks", link: "/guides/webhooks" },
            { text: "Testing with the sandbox", link: "/guides/testing" },
            { text: "Release and versioning", link: "/guides/releases" },
          ],
        },
        {
          text: "Domains",
          collapsed: false,
          items: pagesIn("domains").map((domain) => ({ text: domain, link: `/domains/${domain}` })),
        },
        {
          text: "Reference",
          items: [
            ...apiPackages.map((dir) => outside(`@enfuce-sdk/${dir} (TypeDoc)`, `/api/${dir}/index.html`)),
            { text: "Changelogs", link: "/changelog/" },
          ],
        },
      ],
    },
    footer: { message: "Generated from the specs and the code of this repository. MIT licensed." },
  },
});
