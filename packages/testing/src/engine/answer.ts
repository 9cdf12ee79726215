// Answers that follow the spec: a stateless operation answers its documented example (with the
// path's ids put into same-named members where the schema still accepts them); a stateful one is
// shaped to the members its schema documents; and every answer is checked against the documented
// statuses and schemas before it leaves. An answer that fails the check is a sandbox defect and is
// sent as one, never as a made-up success.
import type { OperationCall } from "./call";
import type { Answer } from "./handler";
import type { Operation } from "./router";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The first documented success status of the operation, and its response key. */
export function successKey(operation: Operation): { key: string; status: number } | undefined {
  const key = Object.keys(operation.facts.responses)[0];
  if (key === undefined) return undefined;
  return { key, status: key === "2XX" ? 200 : Number(key) };
}

/** The documented example of the first success status, with the request's path ids where they fit. */
export function exampleAnswer(call: OperationCall): Answer {
  const success = successKey(call.operation);
  if (!success) return { status: 200 };
  const example = call.operation.facts.responses[success.key]?.example;
  if (example === undefined) return { status: success.status };
  const validate = call.operation.validators.responses[success.key];
  if (!isObject(example) || !validate) return { status: success.status, body: structuredClone(example) };
  const echoed: Record<string, unknown> = structuredClone(example);
  for (const [name, value] of Object.entries(call.params.path)) {
    if (!(name in echoed)) continue;
    const previous = echoed[name];
    echoed[name] =
      typeof previous === "number" && typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
    if (!validate(echoed)) echoed[name] = previous;
  }
  return { status: success.status, body: echoed };
}

/** The members of `record` that `schema` documents, in the schema's order; undefined ones left out. */
export function shape(members: readonly string[] | undefined, record: object, schema: string): Record<string, unknown> {
  if (!members) throw new Error(`sandbox defect: the spec has no object schema ${schema}`);
  const source = record as Record<string, unknown>;
  const shaped: Record<string, unknown> = {};
  for (const member of members) if (source[member] !== undefined) shaped[member] = source[member];
  return shaped;
}

/** The response key an answer's status falls under: `404`, `4XX`, or `default`. */
function documentedKey(operation: Operation, status: number): string | undefined {
  const responses = operation.validators.responses;
  for (const key of [String(status), `${String(status)[0]}XX`, "default"]) if (key in responses) return key;
  return undefined;
}

/** Why an answer does not follow the spec; undefined when it does. */
export function answerProblem(operation: Operation, answer: Answer): string | undefined {
  const key = documentedKey(operation, answer.status);
  if (key === undefined) return `status ${answer.status} is not documented for ${operation.key}`;
  const validate = operation.validators.responses[key];
  if (!validate) return answer.body === undefined ? undefined : `${operation.key} documents no body for ${key}`;
  if (validate(answer.body)) return undefined;
  const issues = (validate.errors ?? [])
    .slice(0, 5)
    .map((issue) => `${issue.instancePath || "(body)"} ${issue.message}`);
  return `the ${answer.status} answer of ${operation.key} does not match its schema: ${issues.join("; ")}`;
}
