// The specs a bump is measured against: as committed in git, or a folder laid out like specs/.
// Committed files are written to a temporary folder (never checked out over the work tree), so
// their $refs to specs/common resolve to the common files of the same commit.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { repoRoot, specsDir } from "@enfuce-sdk/workspace";

const git = (args) => execFileSync("git", ["-C", repoRoot, ...args], { maxBuffer: 64 * 1024 * 1024 });

/**
 * @param {string} ref a git revision, HEAD by default
 * @returns {{id: string, dir: string, dispose: () => void}} a folder holding specs/ as of `ref`, and
 *   the short commit id it came from
 */
export function committedSpecs(ref = "HEAD") {
  const specsPath = relative(repoRoot, specsDir);
  let files;
  let id;
  try {
    id = git(["rev-parse", "--short", ref]).toString().trim();
    files = git(["ls-tree", "-r", "--name-only", ref, "--", specsPath]).toString().split("\n").filter(Boolean);
  } catch (error) {
    throw new Error(`cannot read the committed specs at ${ref}: ${error.stderr?.toString().trim() || error.message}`);
  }
  const dir = mkdtempSync(join(tmpdir(), "enfuce-base-specs-"));
  for (const file of files) {
    const target = join(dir, relative(specsPath, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(["show", `${ref}:${file}`]));
  }
  return { id, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
