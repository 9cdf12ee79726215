// What the sandbox sends to the user's receivers, and the record of each call: notifications
// (queued after the state change that caused them, sent in order, repeated until acknowledged)
// and authorisation-control calls (made while the Test API's authorisation waits for the decision).
import type { CompiledValidator, WebhookMeta } from "@enfuce-sdk/core";
import { checkReceiver, deliver, type WebhookOptions, type WebhookReceiver } from "./targets";

/** One notification as the sandbox sent it (or would have, with no receiver configured). */
export interface NotificationDelivery {
  readonly webhook: "notification";
  readonly payload: Readonly<Record<string, unknown>>;
  /** Sandbox time of the state change. */
  readonly at: string;
  /** `pending` until sent; `delivered` once acknowledged (2xx); `not-sent` without a receiver. */
  outcome: "pending" | "delivered" | "failed" | "not-sent";
  attempts: number;
  /** The status and body of the last answer, and how long it took (milliseconds, real time). */
  status?: number;
  answer?: unknown;
  durationMs?: number;
  error?: string;
}

/** One call to the authorisation-control receiver, and what the sandbox made of the answer. */
export interface AuthorisationControlCall {
  readonly webhook: "authorisationControl";
  /** The documented `POST /auth` payload your receiver got. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly at: string;
  /** approved/declined: your answer decided; otherwise the sandbox stood in. */
  outcome: "approved" | "declined" | "timeout" | "failed" | "invalid-answer" | "not-configured";
  decidedBy: "issuer" | "stand-in";
  responseCode: string;
  status?: number;
  answer?: unknown;
  durationMs?: number;
  error?: string;
}

export type WebhookDelivery = NotificationDelivery | AuthorisationControlCall;

export interface AuthorisationControlCaller {
  /**
   * Asks the user's receiver; when it cannot decide (no receiver, timeout, failure, an answer
   * without a readable response code), `standIn()` decides.
   */
  decide(payload: Record<string, unknown>, at: string, standIn: () => string): Promise<AuthorisationControlCall>;
}

const DEFAULT_AUTHORISATION_TIMEOUT_MS = 1000;
const DEFAULT_NOTIFICATION_ATTEMPTS = 3;
const NOTIFICATION_TIMEOUT_MS = 1000;

/**
 * The decision's response code. The members of the answer are not documented (a gap of the spec);
 * the sandbox reads `transactionData.authResponseCode.code` (the request's own member), then
 * `transactionData.authResponseCode` or `transactionData.responseCode` as a string.
 */
export function responseCodeOf(answer: unknown): string | undefined {
  const data = (answer as { transactionData?: Record<string, unknown> } | undefined)?.transactionData;
  const nested = data?.authResponseCode as { code?: unknown } | string | undefined;
  const code = typeof nested === "object" && nested !== null ? nested.code : (nested ?? data?.responseCode);
  return typeof code === "string" && /^[0-9A-Z]{2}$/.test(code) ? code : undefined;
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

function invalidPayload(validate: CompiledValidator | null, payload: unknown): string | undefined {
  if (!validate || validate(payload)) return undefined;
  const issues = (validate.errors ?? []).map((issue) => `${issue.instancePath || "(payload)"} ${issue.message}`);
  return `sandbox defect: the payload does not match the spec: ${issues.join("; ")}`;
}

export class Webhooks implements AuthorisationControlCaller {
  #options: WebhookOptions | undefined;
  #queue: Promise<void> = Promise.resolve();
  readonly records: WebhookDelivery[] = [];
  readonly #notificationMeta: () => Promise<WebhookMeta>;
  readonly #authorisationMeta: () => Promise<WebhookMeta>;

  constructor(metas: { notification: () => Promise<WebhookMeta>; authorisationControl: () => Promise<WebhookMeta> }) {
    this.#notificationMeta = metas.notification;
    this.#authorisationMeta = metas.authorisationControl;
  }

  configure(options: WebhookOptions): void {
    if (typeof options !== "object" || options === null) throw new TypeError("webhooks: options are required");
    const { credentials } = options;
    if (typeof credentials !== "object" || credentials === null) {
      throw new TypeError(
        "webhooks: credentials ({ username, password } or { token }) are required: receivers check them",
      );
    }
    checkReceiver("notification", options.notification);
    checkReceiver("authorisationControl", options.authorisationControl);
    for (const name of ["authorisationTimeoutMs", "notificationAttempts"] as const) {
      const value = options[name];
      if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
        throw new TypeError(`webhooks: ${name} must be a positive integer`);
      }
    }
    this.#options = options;
  }

  /** Queues a notification; it is sent after the calls queued before it. */
  notify(payload: Record<string, unknown>, at: string): void {
    const record: NotificationDelivery = { webhook: "notification", payload, at, outcome: "pending", attempts: 0 };
    this.records.push(record);
    const receiver = this.#options?.notification;
    const options = this.#options;
    this.#queue = this.#queue.then(() => this.#sendNotification(record, receiver, options));
  }

  async #sendNotification(
    record: NotificationDelivery,
    receiver: WebhookReceiver | undefined,
    options: WebhookOptions | undefined,
  ): Promise<void> {
    try {
      const meta = await this.#notificationMeta();
      const defect = invalidPayload(meta.validateRequest, record.payload);
      if (defect) {
        record.outcome = "failed";
        record.error = defect;
        return;
      }
      if (!receiver || !options) {
        record.outcome = "not-sent";
        return;
      }
      const attempts = options.notificationAttempts ?? DEFAULT_NOTIFICATION_ATTEMPTS;
      while (record.attempts < attempts) {
        record.attempts++;
        try {
          const sent = await deliver(meta, receiver, options.credentials, record.payload, NOTIFICATION_TIMEOUT_MS);
          Object.assign(record, { status: sent.status, answer: sent.body, durationMs: sent.durationMs });
          delete record.error;
          if (sent.status >= 200 && sent.status < 300) {
            record.outcome = "delivered";
            return;
          }
        } catch (error) {
          record.error = describe(error);
        }
      }
      record.outcome = "failed";
    } catch (error) {
      record.outcome = "failed";
      record.error = `sandbox defect: ${describe(error)}`;
    }
  }

  async decide(payload: Record<string, unknown>, at: string, standIn: () => string): Promise<AuthorisationControlCall> {
    const record: AuthorisationControlCall = {
      webhook: "authorisationControl",
      payload,
      at,
      outcome: "not-configured",
      decidedBy: "stand-in",
      responseCode: "",
    };
    this.records.push(record);
    const meta = await this.#authorisationMeta();
    const defect = invalidPayload(meta.validateRequest, payload);
    if (defect) throw new Error(defect);
    const options = this.#options;
    const receiver = options?.authorisationControl;
    if (options && receiver) {
      const timeoutMs = options.authorisationTimeoutMs ?? DEFAULT_AUTHORISATION_TIMEOUT_MS;
      const started = performance.now();
      try {
        const sent = await deliver(meta, receiver, options.credentials, payload, timeoutMs);
        Object.assign(record, { status: sent.status, answer: sent.body, durationMs: sent.durationMs });
        const code = sent.status === 200 && meta.validateResponse?.(sent.body) ? responseCodeOf(sent.body) : undefined;
        if (code !== undefined) {
          Object.assign(record, {
            outcome: code === "00" ? "approved" : "declined",
            decidedBy: "issuer",
            responseCode: code,
          });
          return record;
        }
        record.outcome = "invalid-answer";
        record.error = `the answer (status ${sent.status}) carries no readable decision; the sandbox stood in`;
      } catch (error) {
        record.durationMs = performance.now() - started;
        record.outcome = (error as Error)?.name === "TimeoutError" ? "timeout" : "failed";
        record.error = describe(error);
      }
    }
    record.responseCode = standIn();
    return record;
  }

  /** Resolves once every queued notification has been sent (or has failed). */
  settled(): Promise<void> {
    const queue = this.#queue;
    return queue.then(() => (queue === this.#queue ? undefined : this.settled()));
  }

  /** Forgets the records; the configuration stays. */
  reset(): void {
    this.records.length = 0;
  }
}
