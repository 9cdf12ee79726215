// Deliberate packaging mistakes, applied to the workspace copy by `pnpm release:rehearse --break
// <kind>`, to show that the rehearsal fails on each and names the package and the consumer.
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SABOTAGED_PACKAGE = "instalment";

const editManifest = (dir, edit) => {
  const file = join(dir, "package.json");
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  edit(manifest);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
};

export const SABOTAGE = {
  // The ESM entry points at a file the build never writes.
  exports: (dir) =>
    editManifest(dir, (manifest) => {
      manifest.exports["."].import.default = "./dist/index.esm.mjs";
    }),
  // `files` forgets the ESM build and its declarations.
  files: (dir) =>
    editManifest(dir, (manifest) => {
      manifest.files = ["dist/index.js", "dist/index.d.ts"];
    }),
  // A public type from a devDependency: it resolves in the workspace, not for a user.
  "workspace-type": (dir) =>
    appendFileSync(join(dir, "src/index.ts"), `export type { TestContext as RehearsalProbe } from "vitest";\n`),
};

/** @param {string} workspace the workspace copy */
export function sabotage(kind, workspace) {
  const apply = SABOTAGE[kind];
  if (!apply) throw new Error(`--break ${kind}: expected one of ${Object.keys(SABOTAGE).join(", ")}`);
  apply(join(workspace, "packages", SABOTAGED_PACKAGE));
}
