// What a state model gives the engine per operation, and what the engine gives it: the store, the
// clock, deterministic ids, answer shaping, and a queue of notifications sent once the answer is
// committed.
import type { ManualClock } from "../clock";
import type { IdSource } from "../ids";
import type { SandboxStore } from "../state/store";
import type { AuthorisationControlCaller } from "../webhooks/deliveries";
import type { OperationCall } from "./call";

export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HandlerContext {
  readonly store: SandboxStore;
  readonly clock: ManualClock;
  readonly ids: IdSource;
  /** Currency of accounts whose create request names none. */
  readonly currency: string;
  /** The members of `record` that the spec's schema `schema` documents, in the schema's order. */
  shape(schema: string, record: object): Record<string, unknown>;
  /** Sends a notification to the user's receiver once this call's answer is committed. */
  notify(notification: Record<string, unknown>): void;
  readonly authorisationControl: AuthorisationControlCaller;
}

export type Handler = (call: OperationCall, context: HandlerContext) => Answer | Promise<Answer>;

/** Handlers by domain, then operationId. */
export type Handlers = { readonly [domain: string]: { readonly [operationId: string]: Handler } };

/** The operation's documented success answer (`2XX` answers 200) with `body`. */
export function success(call: OperationCall, body?: unknown): Answer {
  const status = Object.keys(call.operation.facts.responses)[0] ?? "200";
  return { status: status === "2XX" ? 200 : Number(status), body };
}

/** The value of a path parameter, as text. */
export const pathParam = (call: OperationCall, name: string): string => String(call.params.path[name]);

/** The JSON body as an object (the validator has already checked its shape). */
export const bodyOf = <Body = Record<string, unknown>>(call: OperationCall): Body => (call.body ?? {}) as Body;
