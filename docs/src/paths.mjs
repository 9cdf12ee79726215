// Where the docs package reads and writes. Hand-written pages live in site/; everything the build
// generates goes to the gitignored folders below, so a clean checkout holds sources only.
import { join } from "node:path";
import { repoRoot } from "@enfuce-sdk/workspace";

export const docsDir = join(repoRoot, "docs");
export const siteDir = join(docsDir, "site");
export const distDir = join(docsDir, "dist");
/** Snippet sources that tsc checks; never served. */
export const snippetsDir = join(docsDir, ".generated/snippets");
/** Generated VitePress pages, inside the site so its search indexes them. */
export const generatedPagesDirs = { domains: join(siteDir, "domains"), changelog: join(siteDir, "changelog") };
/** Generated static files VitePress copies as they are. */
export const generatedPublicDir = join(siteDir, "public/generated");
