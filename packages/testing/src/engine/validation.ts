// Checks a call against its operation's generated validators, and names what is wrong the way a
// user reads it: `size` (query parameter), `card.cardId` (body member).
import { type CompiledValidator, problemsOf } from "@enfuce-sdk/core";
import type { OperationCall } from "./call";
import { invalid, type Refusal } from "./refusal";

const LOCATION_NAMES: Record<string, string> = { path: "path parameter", query: "query parameter", header: "header" };

const unescapeKey = (key: string) => key.replaceAll("~1", "/").replaceAll("~0", "~");

/** `/card/0/cardId` -> `card[0].cardId` */
export function memberName(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map(unescapeKey)
    .reduce((name, key) => (/^\d+$/.test(key) ? `${name}[${key}]` : name ? `${name}.${key}` : key), "");
}

function firstProblem(validate: CompiledValidator, value: unknown): { field: string; message: string } | undefined {
  if (validate(value)) return undefined;
  return problemsOf(validate, [], value)[0] ?? { field: "", message: "is invalid" };
}

/** The first problem of the parameters, or of the body; undefined when the call is valid. */
export function refusalOf(call: OperationCall): Refusal | undefined {
  const { validators, facts } = call.operation;
  const parameterProblem = firstProblem(validators.parameters, call.params);
  if (parameterProblem) {
    const [, location = "", ...rest] = parameterProblem.field.split("/");
    const name = rest.map(unescapeKey).join("/") || "(parameters)";
    return invalid(name, `${LOCATION_NAMES[location] ?? location} ${name} ${parameterProblem.message}`);
  }
  if (call.body === undefined) {
    return facts.body?.required ? invalid("body", "the request body is required") : undefined;
  }
  // A body the operation does not document is ignored, as a server bound to the spec would.
  if (!validators.body) return undefined;
  const bodyProblem = firstProblem(validators.body, call.body);
  if (!bodyProblem) return undefined;
  const name = memberName(bodyProblem.field);
  return invalid(name || "body", `${name ? `body member ${name}` : "the request body"} ${bodyProblem.message}`);
}
