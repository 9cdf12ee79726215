// The TypeScript API of the hand-written packages (the core runtime, the sandbox), by TypeDoc from
// their sources. Domain packages are left out: their surface is the generated `paths`, which the
// HTTP reference documents operation by operation.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageDir, repoRoot } from "@enfuce-sdk/workspace";
import { Application } from "typedoc";

/** Packages documented here, when they exist in this checkout. */
const API_PACKAGES = ["core", "testing"];

export const apiPackages = () => API_PACKAGES.filter((dir) => existsSync(join(packageDir(dir), "src/index.ts")));

export async function buildApiReference(dir, outDir) {
  const sources = packageDir(dir);
  const app = await Application.bootstrap({
    entryPoints: [join(sources, "src/index.ts")],
    tsconfig: join(sources, "tsconfig.json"),
    readme: join(sources, "README.md"),
    name: `@enfuce-sdk/${dir}`,
    navigationLinks: { "← All docs": "/", Changelog: `/changelog/${dir}.html` },
    excludePrivate: true,
    excludeInternal: true,
    // The package's own typecheck and build report type errors; TypeDoc only documents.
    skipErrorChecking: true,
    githubPages: false,
    hideGenerator: true,
    disableSources: true,
    favicon: join(repoRoot, "docs/site/public/logo.svg"),
    validation: { notExported: false, invalidLink: true, notDocumented: false },
    logLevel: "Warn",
  });
  const project = await app.convert();
  if (!project) throw new Error(`TypeDoc could not convert packages/${dir}`);
  await app.generateDocs(project, outDir);
  if (app.logger.hasErrors()) throw new Error(`TypeDoc reported errors for packages/${dir}`);
}
