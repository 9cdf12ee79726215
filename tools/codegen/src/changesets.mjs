// Reads and writes changeset files (.changeset/*.md): a front matter naming each package and its
// bump, then the text that `changeset version` copies into the package's CHANGELOG.md.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MAX_LINES = 25;
const MAX_PLACES = 3;

/**
 * The file `enfuce-codegen bump` owns for a domain's changes since one base (a commit): rewritten
 * while the spec is edited, left alone once a later commit becomes the base.
 */
export const proposalFileName = (domain, baseId) => `api-${domain}-${baseId}.md`;
const isProposalFile = (file, domain) => file.startsWith(`api-${domain}-`);

/** @returns {{file: string, releases: Map<string, string>}[]} every changeset and the bumps it declares */
export function readChangesets(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file !== "README.md")
    .map((file) => {
      const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), "utf8"))?.[1] ?? "";
      const releases = new Map();
      for (const match of frontMatter.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:\s*(major|minor|patch|none)\s*$/gm)) {
        releases.set(match[1], match[2]);
      }
      return { file, releases };
    });
}

const place = (where) =>
  where.length === 0
    ? ""
    : ` (${where.slice(0, MAX_PLACES).join("; ")}${where.length > MAX_PLACES ? `; ${where.length - MAX_PLACES} more` : ""})`;

export function renderChangeset({ packageName, domain, level, changes }) {
  const lines = changes.slice(0, MAX_LINES).map((change) => `- ${change.text}${place(change.where)}`);
  if (changes.length > MAX_LINES) lines.push(`- ${changes.length - MAX_LINES} more changes of lower or equal weight`);
  return `---\n"${packageName}": ${level}\n---\n\nAPI changes from \`specs/${domain}.yaml\`:\n\n${lines.join("\n")}\n`;
}

/** Changesets a person wrote that release the package (earlier proposals describe earlier changes). */
export const declaredBy = (changesets, proposal) =>
  changesets
    .filter(({ file, releases }) => !isProposalFile(file, proposal.domain) && releases.has(proposal.packageName))
    .map(({ file, releases }) => ({ file, level: releases.get(proposal.packageName) }));

export function writeChangeset(dir, proposal, baseId) {
  const file = join(dir, proposalFileName(proposal.domain, baseId));
  writeFileSync(file, renderChangeset(proposal));
  return file;
}
