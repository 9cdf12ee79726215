// Turns validator errors into the short list of offending fields a 400 answer carries. Messages
// come from the schema (types, allowed values, patterns), never from the payload, so no card data
// is echoed back.
import type { CompiledValidator, FieldProblem, ValidatorIssue } from "./types";

const MAX_PROBLEMS = 20;
const MAX_LISTED_VALUES = 12;
const UNION_KEYWORDS = new Set(["oneOf", "anyOf"]);
// Errors that mean "this is a different alternative", not "this alternative is broken": a
// discriminant with another value, or one the alternative excludes (an unknown variant's `not`).
const MISMATCH_KEYWORDS = new Set(["enum", "const", "not"]);

/** A member name as one JSON Pointer token. */
export const escapePointer = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** Allowed values as a message shows them: the first twelve, then "...". */
export function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED_VALUES).map((value) => JSON.stringify(value));
  return values.length > MAX_LISTED_VALUES ? `${shown.join(", ")}, ...` : shown.join(", ");
}

function toProblem(error: ValidatorIssue): FieldProblem {
  const { instancePath, keyword, params } = error;
  if (keyword === "required" && typeof params.missingProperty === "string") {
    return { field: `${instancePath}/${escapePointer(params.missingProperty)}`, message: "is required" };
  }
  if (keyword === "enum" && Array.isArray(params.allowedValues)) {
    return { field: instancePath, message: `must be one of ${listValues(params.allowedValues)}` };
  }
  if (keyword === "const") return { field: instancePath, message: `must be ${JSON.stringify(params.allowedValue)}` };
  return { field: instancePath, message: error.message ?? `fails ${keyword}` };
}

/** The alternative of a top-level union the payload came closest to, and its errors. */
function closestBranchErrors(branches: readonly CompiledValidator[], value: unknown): readonly ValidatorIssue[] {
  let best: readonly ValidatorIssue[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    if (branch(value)) return [];
    const errors = branch.errors ?? [];
    const mismatched = errors.some(
      (error) => MISMATCH_KEYWORDS.has(error.keyword) && error.instancePath.lastIndexOf("/") === 0,
    );
    const score = (mismatched ? 1000 : 0) + errors.length;
    if (score < bestScore) {
      best = errors;
      bestScore = score;
    }
  }
  return best;
}

/** The problems of a value `validate` rejected, at most twenty, without duplicates. */
export function problemsOf(
  validate: CompiledValidator,
  branches: readonly CompiledValidator[],
  value: unknown,
): FieldProblem[] {
  const all = validate.errors ?? [];
  const fromBranch = branches.length > 0 ? closestBranchErrors(branches, value) : [];
  const errors = fromBranch.length > 0 ? fromBranch : all;
  const summaryOnly = errors.every((error) => UNION_KEYWORDS.has(error.keyword));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (UNION_KEYWORDS.has(error.keyword) && !summaryOnly) continue;
    const problem = toProblem(error);
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length === MAX_PROBLEMS) break;
  }
  return problems;
}
