import { defineConfig } from "tsup";

// One build for every published package: ESM (.mjs) and CJS (.js) with declarations.
// Packages have no "type": "module" so that require() of the CJS build gets openapi-fetch's
// function rather than its module object (toolchain pitfall 4).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  target: "node20",
  platform: "node",
  clean: true,
  sourcemap: false,
});
