import { defineConfig } from "vitest/config";

// No Prism here: the sandbox is the implementation under test. The built packages it loads (their
// generated validators are large) are imported by Node as they are, not transformed by Vite.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 10_000,
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
  },
});
