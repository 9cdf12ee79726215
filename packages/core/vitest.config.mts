import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

// What tsup.base.ts writes into a build, for the source the tests run.
const { version } = JSON.parse(readFileSync("package.json", "utf8"));

// Calls go out one of two ways (src/call/route.ts): straight to the connections, or through
// openapi-fetch and a WHATWG Request when middleware or a custom fetch needs one. The suites that
// prove the transport's behaviour run once more with every client sent through a Request.
const BOTH_ROUTES = [
  "test/faults.test.ts",
  "test/never-silent.test.ts",
  "test/observability.test.ts",
  "test/paginate.test.ts",
  "test/path-encoding.test.ts",
  "test/redaction.test.ts",
  "test/results.test.ts",
  "test/retries.test.ts",
  "test/timeouts.test.ts",
  "test/default-transport.test.ts",
  "test/identify.test.ts",
  "test/request.test.ts",
  "test/tracing.test.ts",
  "test/proxy-tls.test.ts",
  "test/proxy-environment.test.ts",
];

export default defineConfig({
  test: {
    setupFiles: ["@enfuce-sdk/test-kit/leak-guard"],
    testTimeout: 10_000,
    env: { ENFUCE_SDK_PACKAGE_VERSION: version },
    projects: [
      {
        extends: true,
        test: {
          name: "direct",
          include: ["test/**/*.test.ts"],
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        extends: true,
        test: { name: "through a Request", include: BOTH_ROUTES, env: { ENFUCE_TEST_ROUTE: "request" } },
      },
    ],
  },
});
