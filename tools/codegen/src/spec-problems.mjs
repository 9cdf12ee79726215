// Turns Redocly problems into one readable line each: file:line:col, rule, message.
import { relative } from "node:path";
import { repoRoot } from "@enfuce-sdk/workspace";
import { getLineColLocation } from "@redocly/openapi-core";

export class SpecError extends Error {
  constructor(problems) {
    super(problems.join("\n"));
    this.name = "SpecError";
    this.problems = problems;
  }
}

export function describeProblem(problem) {
  const location = problem.location?.[0];
  let where = "(unknown location)";
  if (location?.source) {
    const file = relative(repoRoot, location.source.absoluteRef);
    try {
      const { start } = getLineColLocation(location);
      where = `${file}:${start.line}:${start.col}`;
    } catch {
      where = `${file}#${location.pointer ?? ""}`;
    }
  }
  const rule = problem.ruleId ? ` [${problem.ruleId}]` : "";
  return `${where}${rule} ${problem.message}`;
}
