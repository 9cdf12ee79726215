// Everything the suite's clients print or throw is kept here, so one check per test file can prove
// that no credential ever reaches a message, a stack, a JSON form or a log line.
import { inspect } from "node:util";

export const credentials = { username: "proof-suite", password: "Pa55-w0rd:not-for-logs" } as const;
const basicValue = Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64");
/**
 * What must never be printed. The header name is matched as written ("authorization" is also the
 * name of a function in stack traces); a header object that leaked lower-cased still shows its value.
 */
export const secrets = [credentials.password, basicValue, "Authorization"] as const;

const outputs: string[] = [];

export function recordOutput(text: string): void {
  outputs.push(text);
}

/** Keeps every form in which an error (or an error body) reaches a user: its cause chain included. */
export function recordError(error: unknown): void {
  outputs.push(inspect(error, { depth: 10 }), safeJson(error));
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    outputs.push(current.message, String(current), current.stack ?? "", safeJson(current));
    current = current.cause;
  }
}

export const recordedOutputs = (): readonly string[] => outputs;

/** The recorded texts that contain a secret, with the secret each one contains. */
export function findLeaks(texts: readonly string[], needles: readonly string[] = secrets): string[] {
  return texts.flatMap((text) =>
    needles.filter((needle) => text.includes(needle)).map((needle) => `${needle} in ${text.slice(0, 200)}`),
  );
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch (error) {
    return String(error);
  }
}
