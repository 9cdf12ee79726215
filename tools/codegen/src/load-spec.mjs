// Reads one spec, resolving its references to specs/common, into a single self-contained document.
// Any syntax error, broken $ref or structural error stops here, before anything is written.
import { join } from "node:path";
import { repoRoot } from "@enfuce-sdk/workspace";
import { bundle, loadConfig } from "@redocly/openapi-core";
import { describeProblem, SpecError } from "./spec-problems.mjs";

let configPromise;
export const loadLintConfig = () => {
  configPromise ??= loadConfig({ configPath: join(repoRoot, "redocly.yaml") });
  return configPromise;
};

/** @returns {Promise<object>} the bundled OpenAPI document */
export async function loadSpec(file) {
  const config = await loadLintConfig();
  let result;
  try {
    result = await bundle({ ref: file, config, dereference: false });
  } catch (error) {
    throw new SpecError([`${file}: ${error.message}`]);
  }
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw new SpecError(errors.map(describeProblem));
  return result.bundle.parsed;
}
