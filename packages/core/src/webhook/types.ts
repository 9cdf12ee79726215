// What codegen tells a receiver about each webhook (packages/<domain>/src/generated/webhooks.ts),
// and the shapes a user's code sees.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Credentials } from "../auth";
import type { Received } from "../read-write";
import type { TracerProvider } from "../tracing/provider";
import type { WebhookError, WebhookFailureReason } from "./failure";
import type { AnswerSource } from "./route";

/** One problem of a payload or answer: a JSON pointer into it (`""` is the whole body) and what is wrong. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** An ajv error as the generated validators report it. */
export interface ValidatorIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A validator compiled ahead of time from the spec; after a `false` its `errors` say why. */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: readonly ValidatorIssue[] | null };

export interface WebhookMeta {
  /** The key under `webhooks:` in the spec. */
  readonly name: string;
  readonly operationId: string;
  readonly summary: string;
  readonly method: string;
  /** The path the issuer serves (`x-enfuce-path`), with `{name}` for path parameters. */
  readonly path: string;
  readonly deprecated: boolean;
  /** The documented time within which Enfuce expects the answer (`x-enfuce-timeout-ms`). */
  readonly timeoutMs: number | null;
  /** The payload member that identifies a delivery, a dotted path such as `metadata.id` (`x-enfuce-id-field`). */
  readonly idField: string | null;
  /** The path parameter that identifies a delivery, where the payload has no id (`x-enfuce-id-parameter`). */
  readonly idParameter: string | null;
  readonly pathParameters: readonly string[];
  readonly parameterExamples: { readonly [name: string]: string };
  /** Required headers with their documented example values, lower-case names. */
  readonly headers: { readonly [name: string]: string };
  /** The status of the documented success answer. */
  readonly successStatus: number;
  readonly requestExamples: { readonly [name: string]: unknown };
  readonly responseExamples: { readonly [name: string]: unknown };
  readonly validateRequest: CompiledValidator | null;
  /** One validator per alternative of a top-level union, to report the problems of the closest one. */
  readonly requestBranches: readonly CompiledValidator[];
  /** Null where the success answer has no body. */
  readonly validateResponse: CompiledValidator | null;
  /**
   * Where the payload is a union whose kinds Enfuce may extend: the member naming the kind and the
   * kinds this SDK version knows. A payload of another kind is valid but goes to its own callback.
   */
  readonly unknownVariant?: { readonly property: string; readonly knownValues: readonly string[] } | null;
}

/**
 * The JSON request body of a webhook operation, as Enfuce sends it: enums take values this SDK
 * version does not list.
 */
export type JsonRequestBody<Operation> = Operation extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Received<Body>
  : never;

/** What your code receives beside the payload. */
export interface WebhookContext<Params = Readonly<Record<string, string>>> {
  readonly operationId: string;
  /** The decoded path parameters of the call. */
  readonly params: Params;
  /** Aborted when the deadline passes and the receiver answers without you; pass it on to your own calls. */
  readonly signal: AbortSignal;
}

/** Options every `create<Domain>Handler` takes. */
export interface WebhookHandlerOptions {
  /** What Enfuce presents: HTTP Basic `{ username, password }` or `{ token }`; several during a rotation. */
  readonly credentials: Credentials | readonly Credentials[];
  /** The largest body accepted, in bytes; larger ones get 413. Default 256 KiB. */
  readonly maxBodyBytes?: number;
  /** A prefix in front of the documented paths, when the handler is mounted under one (`/enfuce`). */
  readonly basePath?: string;
  /**
   * Told about every failure of your code (a throw, a missed deadline, an invalid answer) after the
   * receiver answered for you. Default: one warning line on the console (level per `ENFUCE_LOG`).
   */
  readonly onError?: (error: WebhookError) => void;
  /**
   * Where the span of each webhook call goes when `@opentelemetry/api` is installed. Default:
   * OpenTelemetry's global tracer provider.
   */
  readonly tracerProvider?: TracerProvider;
}

/** What a receiver did since it was created: every answer a webhook gave by who gave it, every failure by reason. */
export interface WebhookStats {
  readonly answers: Readonly<Record<AnswerSource, number>>;
  readonly failures: Readonly<Record<WebhookFailureReason, number>>;
}

/** A receiver for Node's `http` (and Express) and for fetch-style runtimes. */
export interface WebhookHandler {
  /** `http.createServer(handler.node)`, or `app.use(handler.node)` in Express (unknown paths go to `next`). */
  readonly node: (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => void;
  /** `export default { fetch: handler.fetch }`: a Request in, a Response out. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** Counts since the handler was created, for metrics: a copy, taken when called. */
  readonly stats: () => WebhookStats;
}
