import { defineConfig } from "vitest/config";

// Codegen tests bundle real specs and compile validators: seconds each on a busy 2-core machine.
export default defineConfig({ test: { include: ["test/**/*.test.mjs"], testTimeout: 60_000 } });
