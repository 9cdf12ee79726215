// createSandbox(): the parts wired together, and the surface a test uses.
import { type BasicCredentials, type Credentials, createCredentialCheck, type WebhookMeta } from "@enfuce-sdk/core";
import { ManualClock, parseInstant, type SandboxClock } from "./clock";
import { Engine, type RecordedRequest } from "./engine/engine";
import { droppedConnection, type Fault, type FaultOptions, Faults } from "./engine/faults";
import { IdempotencyCache } from "./engine/idempotency";
import { Router } from "./engine/router";
import { domainTable } from "./generated/domains";
import { SandboxServer } from "./http-server";
import { IdSource } from "./ids";
import { SeededRandom } from "./random";
import { toResponse } from "./response";
import { handlers } from "./state";
import { SandboxStore } from "./state/store";
import { type SandboxState, stateView } from "./state-view";
import { type WebhookDelivery, Webhooks } from "./webhooks/deliveries";
import type { WebhookOptions } from "./webhooks/targets";

/** A domain the sandbox serves: every Enfuce API with client operations. */
export type SandboxDomain = (typeof domainTable)[number]["name"];

export interface SandboxOptions {
  /**
   * What the sandbox accepts (anything else gets 401): HTTP Basic `{ username, password }` or
   * `{ token }`, or several. Default `{ username: "sandbox", password: "sandbox-password" }`.
   */
  readonly credentials?: Credentials | readonly Credentials[];
  /** Seed of the ids it hands out: the same seed and the same calls give the same ids. */
  readonly seed?: string | number;
  /** Where its clock starts. Default `2025-01-01T09:00:00Z`. */
  readonly now?: Date | string;
  /** Currency of new accounts (multi-currency templates name their own). Default `EUR`. */
  readonly currency?: string;
}

export interface Sandbox {
  /** Pass as the client's `fetch` option: requests are answered in-process, whatever the host. */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** The base URL of a domain: the listening server's after `listen()`, else one only `fetch` can reach. */
  url(domain: SandboxDomain): string;
  /** `baseUrl`, `credentials` and `fetch` for a domain's client; add your `auditUser`. */
  clientOptions(domain: SandboxDomain): { baseUrl: string; credentials: Credentials; fetch: Sandbox["fetch"] };
  /** The credentials clients should use (the first accepted ones). */
  readonly credentials: Credentials;
  /** Serves the sandbox over HTTP on 127.0.0.1 and a free port (or `port`); resolves to its origin. */
  listen(options?: { readonly port?: number }): Promise<string>;
  /** Stops the server (if listening) once queued notifications have been sent. */
  close(): Promise<void>;
  /** Forgets all state, requests, deliveries, faults and idempotency keys; clock and ids start over. Webhook receivers stay. */
  reset(): void;
  readonly clock: SandboxClock;
  /** Where your receivers are; state changes notify, Test API authorisations ask for decisions. */
  webhooks(options: WebhookOptions): void;
  /** Fails matching requests on purpose: `fail("POST /transfer/v1/a2a", { status: 503, times: 2 })`. */
  fail(target: string, options: FaultOptions): Fault;
  /** Every request, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Every webhook call the sandbox made (or would have made, without a receiver), in order. */
  readonly deliveries: readonly WebhookDelivery[];
  /** Resolves once every queued notification has been delivered (or has failed). */
  settled(): Promise<void>;
  readonly state: SandboxState;
}

const DEFAULT_CREDENTIALS: BasicCredentials = { username: "sandbox", password: "sandbox-password" };
const DEFAULT_START = "2025-01-01T09:00:00Z";
const DEFAULT_SEED = "enfuce-sandbox";
// A host that never resolves (RFC 6761): a client that forgets `fetch: sandbox.fetch` fails at once.
const FETCH_ONLY_ORIGIN = "https://sandbox.enfuce.invalid";

const webhookMetas = {
  notification: async (): Promise<WebhookMeta> =>
    (await import("@enfuce-sdk/notification")).webhookSpec.operations.receiveNotification,
  authorisationControl: async (): Promise<WebhookMeta> =>
    (await import("@enfuce-sdk/authorisation-control")).webhookSpec.operations.authPost,
};

function checkOptions(options: SandboxOptions): void {
  if (typeof options !== "object" || options === null) throw new TypeError("createSandbox: options must be an object");
  if (options.currency !== undefined && !/^[A-Z]{3}$/.test(options.currency)) {
    throw new TypeError("createSandbox: currency must be an ISO 4217 code such as EUR");
  }
  if (options.seed !== undefined && typeof options.seed !== "string" && typeof options.seed !== "number") {
    throw new TypeError("createSandbox: seed must be a string or a number");
  }
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  checkOptions(options);
  const accepted = options.credentials ?? DEFAULT_CREDENTIALS;
  const credentialCheck = createCredentialCheck(accepted);
  const clock = new ManualClock(parseInstant(options.now ?? DEFAULT_START, "createSandbox: now"));
  const ids = new IdSource(new SeededRandom(options.seed ?? DEFAULT_SEED));
  const router = new Router(domainTable);
  const store = new SandboxStore();
  const faults = new Faults();
  const idempotency = new IdempotencyCache();
  const webhooks = new Webhooks(webhookMetas);
  const requests: RecordedRequest[] = [];
  const engine = new Engine({
    router,
    handlers,
    store,
    clock,
    ids,
    faults,
    idempotency,
    webhooks,
    credentials: () => credentialCheck,
    currency: options.currency ?? "EUR",
    requests,
  });
  const server = new SandboxServer((request) => engine.handle(request));
  const basePath = (domain: SandboxDomain) => {
    const entry = domainTable.find((candidate) => candidate.name === domain);
    if (!entry)
      throw new TypeError(
        `unknown domain ${JSON.stringify(domain)}; use one of ${domainTable.map((d) => d.name).join(", ")}`,
      );
    return entry.basePath;
  };

  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const outcome = await engine.handle(request);
    if (request.signal.aborted) throw request.signal.reason;
    if ("drop" in outcome) throw droppedConnection();
    return toResponse(outcome.answer);
  };
  const credentials = (Array.isArray(accepted) ? accepted[0] : accepted) as Credentials;

  const sandbox: Sandbox = {
    fetch,
    url: (domain) => `${server.origin ?? FETCH_ONLY_ORIGIN}${basePath(domain)}`,
    clientOptions: (domain) => ({ baseUrl: sandbox.url(domain), credentials, fetch }),
    credentials,
    listen: (listenOptions = {}) => server.listen(listenOptions.port),
    async close() {
      await webhooks.settled();
      await server.close();
    },
    reset() {
      store.clear();
      ids.reset();
      clock.reset();
      faults.clear();
      idempotency.clear();
      requests.length = 0;
      webhooks.reset();
    },
    clock,
    webhooks: (webhookOptions) => webhooks.configure(webhookOptions),
    fail: (target, faultOptions) => faults.add(target, faultOptions),
    requests,
    deliveries: webhooks.records,
    settled: () => webhooks.settled(),
    state: stateView(store),
  };
  return sandbox;
}
