import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

// What tsup.base.ts writes into a build, for the source the tests run.
const { version } = JSON.parse(readFileSync("package.json", "utf8"));

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/leak-guard.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 10_000,
    env: { ENFUCE_SDK_PACKAGE_VERSION: version },
  },
});
