import { defineConfig } from "vitest/config";

// Each check packs a package and runs are-the-types-wrong on it: seconds, not milliseconds.
export default defineConfig({ test: { include: ["test/**/*.test.mjs"], testTimeout: 60_000 } });
