// A private copy of the workspace for the rehearsal to version, build and publish from: snapshot
// versioning rewrites package.json files and the second run edits a spec, none of which may touch
// the real work tree. The copy holds what git would (tracked and new, unignored files) plus the
// packages' builds, and gets its own node_modules from the pnpm store.
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { run } from "./run.mjs";

/**
 * @param {string[]} builtPackageDirs packages whose dist/ comes along: the build does not depend on
 *   the version, so the snapshot publishes exactly what `turbo run build` made
 */
export async function copyWorkspace(from, to, builtPackageDirs) {
  const listed = await run("git", ["-C", from, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
  for (const file of listed.split("\0").filter(Boolean)) {
    const source = join(from, file);
    // ls-files also lists tracked files deleted in the work tree.
    if (!existsSync(source)) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(source, join(to, file));
  }
  for (const dir of builtPackageDirs) {
    const dist = join(dir, "dist");
    if (!existsSync(dist)) throw new Error(`${relative(from, dir)} is not built: run \`pnpm build\` first`);
    cpSync(dist, join(to, relative(from, dir), "dist"), { recursive: true });
  }
  await run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: to });
}
