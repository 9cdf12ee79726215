// `enfuce-codegen lint`: Redocly's linter with the repo ruleset (redocly.yaml), then full JSON Schema
// validation of every example and a check of the `x-enfuce-inferred` markers. Returns the problems; the CLI decides how to report them.
import { relative } from "node:path";
import { repoRoot } from "@enfuce-sdk/workspace";
import { lint } from "@redocly/openapi-core";
import { checkExamples } from "./examples.mjs";
import { loadLintConfig, loadSpec } from "./load-spec.mjs";
import { describeProblem, SpecError } from "./spec-problems.mjs";
import { inferredMarkerProblems } from "./tolerance.mjs";

/** @returns {Promise<{errors: string[], warnings: string[]}>} */
export async function lintSpec(file) {
  const config = await loadLintConfig();
  const problems = await lint({ ref: file, config });
  const errors = problems.filter((p) => p.severity === "error").map(describeProblem);
  const warnings = problems.filter((p) => p.severity === "warn").map(describeProblem);
  if (errors.length > 0) return { errors, warnings };
  try {
    const doc = await loadSpec(file);
    const name = relative(repoRoot, file);
    const problems = [...checkExamples(doc), ...inferredMarkerProblems(doc)];
    return { errors: problems.map((message) => `${name}#${message}`), warnings };
  } catch (error) {
    if (error instanceof SpecError) return { errors: error.problems, warnings };
    throw error;
  }
}
