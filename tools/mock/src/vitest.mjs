// The vitest config every domain package uses: runtime and type tests, Prism for its spec.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";
import { hasPaths } from "./index.mjs";

const require = createRequire(import.meta.url);

export function domainTestConfig(domain) {
  process.env.ENFUCE_MOCK_DOMAIN = domain;
  // What tsup.base.ts writes into a build, for the source the tests run (vitest runs in the package).
  const { version } = JSON.parse(readFileSync("package.json", "utf8"));
  return defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      globalSetup: hasPaths(domain) ? [require.resolve("./global-setup.mjs")] : [],
      typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
      testTimeout: 20_000,
      env: { ENFUCE_SDK_PACKAGE_VERSION: version },
    },
  });
}
