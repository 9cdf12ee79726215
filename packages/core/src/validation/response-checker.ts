// Checks a client's final 2xx answers against the spec when `validateResponses` is "warn" or
// "error". The checks are generated per domain into its `validators` entry and loaded on first
// need (the first call waits for them); with "off" none of this exists. A real mismatch (the
// tolerant form of the schema fails: a wrong type, a missing required member) fails the call in
// "error" with a ResponseValidationError; everything else the spec does not say (unknown members
// and values, an undocumented 2xx status) is drift, reported once per operation and pointer
// through the logger and `onDrift`, in both modes.
import { ConfigurationError, type RequestContext, ResponseValidationError } from "../errors";
import type { LogSink } from "../log";
import { problemsOf } from "../webhook/problems";
import { type Difference, driftOf, pointerPattern } from "./drift";
import type { ResponseCheck, ResponseChecks, ResponseChecksLoader, ResponseDrift, ValidateResponses } from "./types";

/** The call an answer belongs to. */
export interface CheckedCall {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
}

/** Distinct differences remembered per client; past this, new ones are no longer reported. */
const MAX_REPORTED = 1000;

/** The check of `status`: its own, else its class (`2XX`), else `default`. */
function checkFor(checks: { readonly [status: string]: ResponseCheck }, status: number): ResponseCheck | undefined {
  return checks[String(status)] ?? checks[`${String(status)[0]}XX`] ?? checks.default;
}

export class ResponseChecker {
  readonly #mode: Exclude<ValidateResponses, "off">;
  readonly #load: ResponseChecksLoader;
  readonly #log: LogSink;
  readonly #onDrift: ((drift: ResponseDrift) => void) | undefined;
  readonly #reported = new Set<string>();
  #checks: ResponseChecks | undefined;
  #failure: Error | undefined;
  #loading: Promise<void> | undefined;

  constructor(
    mode: Exclude<ValidateResponses, "off">,
    load: ResponseChecksLoader,
    log: LogSink,
    onDrift: ((drift: ResponseDrift) => void) | undefined,
  ) {
    this.#mode = mode;
    this.#load = load;
    this.#log = log;
    this.#onDrift = onDrift;
  }

  /** Loads the checks (once); never rejects: a failure is kept for the calls that need them. */
  load(): Promise<void> {
    this.#loading ??= this.#load().then(
      (checks) => {
        this.#checks = checks;
      },
      (cause: unknown) => {
        this.#failure = new ConfigurationError(
          "validateResponses is on, but the package's response checks (its `validators` entry) cannot be loaded",
          undefined,
          { cause },
        );
        if (this.#mode === "warn") this.#log.log("warn", `${this.#failure.message}: answers are not checked`, {});
      },
    );
    return this.#loading;
  }

  /**
   * Checks a 2xx answer's parsed body; a promise only while the checks load. Throws (or rejects
   * with) a ResponseValidationError for a mismatch in "error" mode.
   */
  check(call: CheckedCall, status: number, body: unknown, context: RequestContext): void | Promise<void> {
    if (this.#checks === undefined && this.#failure === undefined) {
      return this.load().then(() => this.check(call, status, body, context));
    }
    if (this.#failure) {
      if (this.#mode === "error") throw this.#failure;
      return;
    }
    const operation = (this.#checks as ResponseChecks).responseChecks[`${call.method} ${call.path}`];
    // An operation the spec does not know (client.request): there is nothing to check against.
    if (operation === undefined) return;
    const check = checkFor(operation, status);
    if (check === undefined) {
      const message = `is a status the spec does not document for ${call.method} ${call.path}`;
      this.#report(call, status, { pointer: "", kind: "undocumented-status", message });
      return;
    }
    if (check.received && !check.received(body)) {
      const problems = problemsOf(check.received, [], body);
      if (this.#mode === "error") throw new ResponseValidationError(status, problems, context);
      for (const { field, message } of problems)
        this.#report(call, status, { pointer: field, kind: "mismatch", message });
    }
    if (check.drift !== null) {
      const nodes = (this.#checks as ResponseChecks).driftNodes;
      for (const difference of driftOf(nodes, check.drift, body)) this.#report(call, status, difference);
    }
  }

  #report(call: CheckedCall, status: number, difference: Difference): void {
    const key = `${call.method} ${call.path} ${status} ${difference.kind} ${pointerPattern(difference.pointer)}`;
    if (this.#reported.has(key) || this.#reported.size >= MAX_REPORTED) return;
    this.#reported.add(key);
    const { method, path, operationId } = call;
    const drift: ResponseDrift = { method, path, operationId, status, ...difference };
    const where = difference.pointer === "" ? "the body" : difference.pointer;
    this.#log.log(
      "warn",
      `${call.method} ${call.path}: answer ${status} differs from the spec at ${where}: ${difference.message}`,
      {
        method: call.method,
        path: call.path,
        operationId: call.operationId,
        status,
        pointer: difference.pointer,
        kind: difference.kind,
        value: difference.value,
      },
    );
    try {
      this.#onDrift?.(drift);
    } catch (error) {
      // The call itself succeeded; a failing callback is told, not turned into a failed call.
      this.#log.log("warn", "onDrift threw; the call is not affected", { error: (error as Error)?.name });
    }
  }
}

/** The checker a client's options ask for; undefined with "off", so nothing of this runs. */
export function createResponseChecker(
  mode: ValidateResponses,
  load: ResponseChecksLoader | undefined,
  log: LogSink,
  onDrift: ((drift: ResponseDrift) => void) | undefined,
): ResponseChecker | undefined {
  if (mode === "off") return undefined;
  if (load === undefined) {
    throw new ConfigurationError("validateResponses needs the response checks generated for the client's package");
  }
  return new ResponseChecker(mode, load, log, onDrift);
}
