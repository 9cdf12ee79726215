import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// tsup runs in the package's folder: its package.json is the one `changeset version` bumps.
const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

/**
 * A domain with client operations has a second entry, `validators` (its tsup.config.ts, generated
 * from tools/codegen/src/scaffold.mjs, names it), for the sandbox and for response checks.
 * The generated client loads that entry with `import("./validators")` only for a client that checks
 * answers (`validateResponses`): the import is kept, pointing at the built entry of the same format,
 * so the main entry never carries the validators.
 */
const validatorsEntryKept: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "validators-entry-kept",
  setup(build) {
    const built = build.initialOptions.format === "esm" ? "./validators.mjs" : "./validators.js";
    build.onResolve({ filter: /^\.\/validators$/ }, ({ importer }) =>
      importer.replaceAll("\\", "/").endsWith("src/generated/client.ts") ? { path: built, external: true } : undefined,
    );
  },
};

// One build for every published package: ESM (.mjs) and CJS (.js) with declarations.
// Packages have no "type": "module", and that is load-bearing: with it, the CJS build reached
// openapi-fetch through Node's ESM interop, and since openapi-fetch's CJS file sets both
// `exports.default` and `__esModule`, `require()` of our build got its module object where the
// function was expected (`TypeError: (0, import_openapi_fetch.default) is not a function`, seen
// only once a consumer installed the published package). Without "type", ESM ships as .mjs and CJS
// as .js, and the release rehearsal's cjs consumer proves the require() path on every run.
// Each build carries its own package's version (the User-Agent names it), so a release needs no
// other edit.
// `entry` names each entry point (`index`, and e.g. `validators` for `<package>/validators`); its
// package.json exports the same names (a domain's both come from tools/codegen/src/scaffold.mjs).
export const packageBuild = (entry: Record<string, string>): Options => ({
  define: { "process.env.ENFUCE_SDK_PACKAGE_VERSION": JSON.stringify(version) },
  entry,
  format: ["esm", "cjs"],
  dts: true,
  target: "node20",
  platform: "node",
  clean: true,
  sourcemap: false,
  esbuildPlugins: [validatorsEntryKept],
});

/** A package with one entry point, src/index.ts. */
export default defineConfig(packageBuild({ index: "src/index.ts" }));
