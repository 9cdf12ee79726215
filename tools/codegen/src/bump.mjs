// enfuce-codegen bump: which packages a spec change touches, the semantic bump each needs, and a
// changeset for each one that has none yet.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { listDomains, repoRoot, specPath, specsDir } from "@enfuce-sdk/workspace";
import { committedSpecs } from "./base-specs.mjs";
import { higher, LEVELS } from "./bump-rules.mjs";
import { declaredBy, readChangesets, writeChangeset } from "./changesets.mjs";
import { loadSpec } from "./load-spec.mjs";
import { packageName } from "./names.mjs";
import { compareSpecs } from "./spec-diff.mjs";

export const changesetDir = join(repoRoot, ".changeset");

const sameBytes = (a, b) => existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));
const sameFolder = (a, b) => {
  const list = (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []);
  const files = list(a);
  return files.join() === list(b).join() && files.every((file) => sameBytes(join(a, file), join(b, file)));
};

/**
 * @param {{domains?: string[], baseDir?: string}} options baseDir: a folder laid out like specs/ to
 *   compare with, instead of the specs committed at HEAD
 * @returns {Promise<{baseId: string, proposals: {domain: string, packageName: string, level: string, changes: object[]}[]}>}
 */
export async function proposeBumps({ domains = [], baseDir } = {}) {
  const base = baseDir ? { id: "base", dir: baseDir, dispose: () => {} } : committedSpecs();
  try {
    const proposals = [];
    // Unchanged files cannot change the API; skipping them keeps a run without spec edits fast.
    const commonUnchanged = sameFolder(join(base.dir, "common"), join(specsDir, "common"));
    for (const domain of domains.length > 0 ? domains : listDomains()) {
      const baseFile = join(base.dir, `${domain}.yaml`);
      // A new spec scaffolds a new package, first published at its scaffolded version.
      if (!existsSync(baseFile)) continue;
      if (commonUnchanged && sameBytes(baseFile, specPath(domain))) continue;
      const { level, changes } = compareSpecs(await loadSpec(baseFile), await loadSpec(specPath(domain)));
      if (level !== "none") proposals.push({ domain, packageName: packageName(domain), level, changes });
    }
    return { baseId: base.id, proposals };
  } finally {
    base.dispose();
  }
}

/**
 * Writes a changeset per proposal unless one a person wrote already releases the package; that one
 * is kept as it is, with a warning when it declares less than the spec change needs.
 */
export function writeProposals({ baseId, proposals }, dir = changesetDir) {
  mkdirSync(dir, { recursive: true });
  const changesets = readChangesets(dir);
  for (const proposal of proposals) {
    const headline = `${proposal.packageName}: ${proposal.level} (${proposal.changes.length} change(s))`;
    const declared = declaredBy(changesets, proposal);
    if (declared.length === 0) {
      console.log(`${headline}, wrote ${relative(repoRoot, writeChangeset(dir, proposal, baseId))}`);
      continue;
    }
    const strongest = declared.map((d) => d.level).reduce(higher, "none");
    const files = declared.map((d) => `.changeset/${d.file}`).join(", ");
    if (LEVELS.indexOf(strongest) < LEVELS.indexOf(proposal.level)) {
      console.warn(`${headline}, but ${files} declares only ${strongest}: raise it to ${proposal.level}`);
    } else {
      console.log(`${headline}, already released by ${files}`);
    }
  }
  if (proposals.length === 0) console.log("no spec differs from its base: nothing to release");
}
