import { existsSync, readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// tsup runs in the package's folder: its package.json is the one `changeset version` bumps.
const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
// A package with client operations also builds its generated validators as a second entry
// (`@enfuce-sdk/<domain>/validators`), which its main entry never loads.
const VALIDATORS = "src/generated/validators.ts";

// One build for every published package: ESM (.mjs) and CJS (.js) with declarations.
// Packages have no "type": "module" so that require() of the CJS build gets openapi-fetch's
// function rather than its module object (toolchain pitfall 4).
// Each build carries its own package's version (the User-Agent names it), so a release needs no
// other edit.
export default defineConfig({
  define: { "process.env.ENFUCE_SDK_PACKAGE_VERSION": JSON.stringify(version) },
  entry: existsSync(VALIDATORS) ? { index: "src/index.ts", validators: VALIDATORS } : ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  target: "node20",
  platform: "node",
  clean: true,
  sourcemap: false,
});
