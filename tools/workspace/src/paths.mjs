// Where things live in the repository; every tool resolves paths through here.
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const specsDir = join(repoRoot, "specs");
export const packagesDir = join(repoRoot, "packages");

/** Domain names, one per `specs/<domain>.yaml`, sorted so every run walks them in the same order. */
export function listDomains() {
  return readdirSync(specsDir)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort();
}

export const specPath = (domain) => join(specsDir, `${domain}.yaml`);
export const packageDir = (domain) => join(packagesDir, domain);
