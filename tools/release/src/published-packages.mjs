// The workspace's published packages: every workspace package not marked private.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@enfuce-sdk/workspace";
import { run } from "./run.mjs";

/** @returns {Promise<{name: string, dir: string, manifest: object}[]>} sorted by name */
export async function publicPackages(root = repoRoot) {
  const listed = JSON.parse(await run("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd: root }));
  return listed
    .filter((entry) => !entry.private)
    .map((entry) => ({
      name: entry.name,
      dir: entry.path,
      manifest: JSON.parse(readFileSync(join(entry.path, "package.json"), "utf8")),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
