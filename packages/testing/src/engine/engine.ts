// One request, start to end: route by the generated operation facts, faults, credentials, the
// spec's validation, idempotency, the state model (or the documented example), the answer's own
// check against the spec, notifications, and the record of what was called.
import type { CredentialCheck } from "@enfuce-sdk/core";
import type { ManualClock } from "../clock";
import type { IdSource } from "../ids";
import type { SandboxStore } from "../state/store";
import type { Webhooks } from "../webhooks/deliveries";
import { answerProblem, exampleAnswer, shape } from "./answer";
import { type OperationCall, type Parameters, parseBody, readParameters } from "./call";
import { delay, type FaultOptions, type FaultSubject, type Faults } from "./faults";
import type { Answer, HandlerContext, Handlers } from "./handler";
import { canonicalJson, type IdempotencyCache } from "./idempotency";
import { errorBody, invalid, Refusal, refusalBody, statusFor } from "./refusal";
import type { Operation, Router } from "./router";
import { refusalOf } from "./validation";

/** One request as the sandbox saw it, for assertions (`sandbox.requests`). Credentials are never kept. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query as sent, without the host. */
  readonly url: string;
  /** Sandbox time when it arrived. */
  readonly at: string;
  readonly domain?: string;
  readonly operationId?: string;
  /** `METHOD /path/template` of the operation, as in the spec. */
  readonly operation?: string;
  readonly params?: Parameters;
  readonly body?: unknown;
  /** The status answered; absent when the connection was dropped. */
  status?: number;
  answer?: unknown;
  /** The answer was replayed for a repeated idempotency key; nothing was done again. */
  replayed?: boolean;
  /** The `sandbox.fail()` target that failed it. */
  fault?: string;
  dropped?: boolean;
}

/** What the transport does with the outcome: send the answer, or drop the connection. */
export type Outcome = { readonly answer: Answer } | { readonly drop: true };

export interface EngineParts {
  readonly router: Router;
  readonly handlers: Handlers;
  readonly store: SandboxStore;
  readonly clock: ManualClock;
  readonly ids: IdSource;
  readonly faults: Faults;
  readonly idempotency: IdempotencyCache;
  readonly webhooks: Webhooks;
  readonly credentials: () => CredentialCheck;
  readonly currency: string;
  readonly requests: RecordedRequest[];
}

const isSuccess = (status: number) => status >= 200 && status < 300;

export class Engine {
  readonly #parts: EngineParts;

  constructor(parts: EngineParts) {
    this.#parts = parts;
  }

  async handle(request: Request): Promise<Outcome> {
    const { router, faults, clock } = this.#parts;
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const record: RecordedRequest = { method, url: `${url.pathname}${url.search}`, at: clock.timestamp() };
    this.#parts.requests.push(record);
    try {
      const route = await router.route(method, url.pathname);
      const operation = route.operation;
      const subject = faultSubject(method, url.pathname, router, operation);
      const before = faults.take(subject, "before");
      if (before) {
        const outcome = await this.#fault(before, request, record);
        if (outcome) return outcome;
      }
      if (!route.operation) return this.#finish(record, noRoute(method, url.pathname, route.allowed, this.#parts));
      Object.assign(record, {
        domain: operation?.domain,
        operationId: operation?.facts.operationId,
        operation: operation?.key,
      });
      const answer = await this.#answer(request, url, route.operation, route.pathParams, record);
      const after = faults.take(subject, "after");
      if (after) {
        const outcome = await this.#fault(after, request, record);
        if (outcome) return outcome;
      }
      return this.#finish(record, answer);
    } catch (error) {
      // The caller gave up (timeout, abort): it gets its own abort reason, as from fetch.
      if (request.signal.aborted) throw request.signal.reason;
      return this.#finish(record, this.#defect(error instanceof Error ? error.message : String(error)));
    }
  }

  async #answer(
    request: Request,
    url: URL,
    operation: Operation,
    pathParams: Record<string, string>,
    record: RecordedRequest,
  ): Promise<Answer> {
    const { credentials, idempotency, clock } = this.#parts;
    const documented = Object.keys(operation.validators.responses);
    const refuse = (refusal: Refusal): Answer => {
      const status = statusFor(refusal.kind, documented);
      return { status, body: refusalBody(status, refusal, this.#parts.ids.uuid(), clock.timestamp()) };
    };
    if (!credentials().accepts(request.headers.get("authorization") ?? undefined)) {
      return refuse(new Refusal("unauthorized", "the credentials are missing or wrong"));
    }
    const rawBody = request.body === null ? "" : await request.text();
    const parsed = operation.validators.body ? parseBody(rawBody) : { value: undefined };
    if ("problem" in parsed) return refuse(invalid("body", parsed.problem));
    const call: OperationCall = {
      operation,
      method: operation.method,
      path: url.pathname,
      params: readParameters(operation, pathParams, url, request.headers),
      body: parsed.value,
      rawBody,
    };
    Object.assign(record, { params: call.params, ...(call.body !== undefined && { body: call.body }) });
    const refusal = refusalOf(call);
    if (refusal) return refuse(refusal);

    const keyHeader = operation.facts.idempotencyHeader?.toLowerCase();
    const key = keyHeader ? call.params.header[keyHeader] : undefined;
    const fingerprint = `${url.pathname}?${canonicalJson(call.params.query)}\n${canonicalJson(call.body)}`;
    const scope = `${operation.domain} ${operation.key}`;
    if (typeof key === "string") {
      const found = idempotency.lookup(scope, key, fingerprint, clock.millis);
      if (found && "replay" in found) {
        record.replayed = true;
        return found.replay;
      }
      if (found) {
        return refuse(
          new Refusal("conflict", `${keyHeader} ${key} was used for a different request; use a new key`, keyHeader),
        );
      }
    }

    const notifications: Record<string, unknown>[] = [];
    let answer: Answer;
    try {
      answer = await this.#run(call, notifications);
    } catch (error) {
      if (error instanceof Refusal) return refuse(error);
      throw error;
    }
    const problem = answerProblem(operation, answer);
    if (problem) return this.#defect(problem);
    if (isSuccess(answer.status)) {
      if (typeof key === "string") idempotency.remember(scope, key, fingerprint, answer, clock.millis);
      for (const notification of notifications) {
        this.#parts.webhooks.notify({ id: this.#parts.ids.next("notification"), ...notification }, clock.timestamp());
      }
    }
    return answer;
  }

  #run(call: OperationCall, notifications: Record<string, unknown>[]): Answer | Promise<Answer> {
    const { handlers, store, clock, ids, currency, webhooks } = this.#parts;
    const handler = handlers[call.operation.domain]?.[call.operation.facts.operationId];
    if (!handler) return exampleAnswer(call);
    const context: HandlerContext = {
      store,
      clock,
      ids,
      currency,
      authorisationControl: webhooks,
      shape: (schema, row) => shape(call.operation.module.schemaMembers[schema], row, schema),
      notify: (notification) => notifications.push(notification),
    };
    return handler(call, context);
  }

  /** Applies a fault; undefined when it only delayed the request. */
  async #fault(
    fault: FaultOptions & { readonly target: string },
    request: Request,
    record: RecordedRequest,
  ): Promise<Outcome | undefined> {
    record.fault = fault.target;
    if (fault.delayMs) await delay(fault.delayMs, request.signal);
    if (fault.drop) {
      record.dropped = true;
      return { drop: true };
    }
    if (fault.status === undefined) return undefined;
    const headers: Record<string, string> = { ...fault.headers };
    if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
    const reason = `failed on purpose by sandbox.fail(${JSON.stringify(fault.target)})`;
    const body =
      fault.body ??
      errorBody(
        fault.status,
        { summary: "Injected failure", reason },
        this.#parts.ids.uuid(),
        this.#parts.clock.timestamp(),
      );
    return this.#finish(record, { status: fault.status, body, headers });
  }

  #defect(message: string): Answer {
    const text = { summary: "Sandbox defect (please report it)", reason: message };
    return { status: 500, body: errorBody(500, text, this.#parts.ids.uuid(), this.#parts.clock.timestamp()) };
  }

  #finish(record: RecordedRequest, answer: Answer): Outcome {
    record.status = answer.status;
    if (answer.body !== undefined) record.answer = answer.body;
    return { answer };
  }
}

function faultSubject(
  method: string,
  pathname: string,
  router: Router,
  operation: Operation | undefined,
): FaultSubject {
  const found = router.domainOf(pathname);
  const paths = [pathname];
  if (found) paths.push(found.relativePath);
  if (operation && found) paths.push(`${found.entry.basePath}${operation.template}`, operation.template);
  return { method, paths, ...(operation && { operationId: operation.facts.operationId }) };
}

function noRoute(method: string, pathname: string, allowed: readonly string[], parts: EngineParts): Answer {
  const status = allowed.length > 0 ? 405 : 404;
  const message =
    status === 405
      ? `${method} is not an operation of ${pathname}; the specs document ${[...new Set(allowed)].join(", ")}`
      : `no operation of the Enfuce specs matches ${method} ${pathname}`;
  return {
    status,
    body: errorBody(
      status,
      { summary: "No such operation", reason: message },
      parts.ids.uuid(),
      parts.clock.timestamp(),
    ),
    ...(status === 405 && { headers: { allow: [...new Set(allowed)].join(", ") } }),
  };
}
