// One changelog page per published package: its pending changesets (.changeset/*.md, what the next
// release will say) and its CHANGELOG.md once releases have written one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packageDir, packagesDir, repoRoot } from "@enfuce-sdk/workspace";
import { parse } from "yaml";

const BUMPS = ["major", "minor", "patch"];

/** @returns {{ name: string, dir: string, version: string }[]} the packages that are published */
export function publishedPackages() {
  return readdirSync(packagesDir)
    .filter((dir) => existsSync(join(packagesDir, dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, version: manifest.version }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/** @returns {{ file: string, releases: Record<string, string>, summary: string }[]} */
export function pendingChangesets() {
  const dir = join(repoRoot, ".changeset");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file !== "README.md")
    .sort()
    .map((file) => {
      const source = readFileSync(join(dir, file), "utf8");
      const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
      if (!match) throw new Error(`.changeset/${file} has no front matter naming the packages it releases`);
      return { file, releases: parse(match[1]) ?? {}, summary: match[2].trim() };
    });
}

/** Release notes are ours, but keep VitePress from reading `{{` as Vue. */
const safe = (markdown) => markdown.replace(/\{\{/g, "&#123;&#123;");

export function changelogPage(pkg, changesets) {
  const changelogFile = join(packageDir(pkg.dir), "CHANGELOG.md");
  const released = existsSync(changelogFile)
    ? readFileSync(changelogFile, "utf8")
        .replace(/^# .*\n/, "")
        .trim()
        .replace(/^## /gm, "### ")
    : "";
  const pending = changesets.filter((changeset) => pkg.name in changeset.releases);
  const parts = [`# ${pkg.name}`, `Current version: \`${pkg.version}\`.`, "## Next release (pending changesets)"];
  if (pending.length === 0) parts.push("No pending changes.");
  for (const bump of BUMPS) {
    const entries = pending.filter((changeset) => changeset.releases[pkg.name] === bump);
    if (entries.length === 0) continue;
    parts.push(`### ${bump[0].toUpperCase()}${bump.slice(1)} changes`);
    parts.push(entries.map((entry) => `- ${safe(entry.summary).replace(/\n/g, "\n  ")}`).join("\n"));
  }
  parts.push("## Released", released ? safe(released) : "Nothing released yet: the first release is pending.");
  return `${parts.join("\n\n")}\n`;
}

export function changelogIndex(packages) {
  const rows = packages.map((pkg) => `| [\`${pkg.name}\`](./${pkg.dir}) | \`${pkg.version}\` |`);
  return `# Changelogs\n\nOne page per published package, from the pending changesets and its CHANGELOG.md. How releases work: [release and versioning](/guides/releases).\n\n| package | version |\n|---|---|\n${rows.join("\n")}\n`;
}
