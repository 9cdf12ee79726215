// A private copy of the workspace for the rehearsal to version, build and publish from: snapshot
// versioning rewrites package.json files and the second run edits a spec, none of which may touch
// the real work tree. The copy holds what git would (tracked and new, unignored files) and gets its
// own node_modules from the pnpm store.
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { run } from "./run.mjs";

export async function copyWorkspace(from, to) {
  const listed = await run("git", ["-C", from, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
  for (const file of listed.split("\0").filter(Boolean)) {
    const source = join(from, file);
    // ls-files also lists tracked files deleted in the work tree.
    if (!existsSync(source)) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(source, join(to, file));
  }
  // Turbo's local cache makes the copy's build of unchanged packages a cache hit.
  const turboCache = join(from, ".turbo/cache");
  if (existsSync(turboCache)) cpSync(turboCache, join(to, ".turbo/cache"), { recursive: true });
  await run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: to });
}
