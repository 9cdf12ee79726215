// Where the user's receivers are, and one delivery to them through the SDK's own webhook sender
// (the documented path appended, Basic or bearer credentials, JSON). A receiver may be a URL, a
// receiver built with this SDK (its `fetch`), or any `(request) => response` function; the latter
// two are called in-process, no port needed.
import { type Credentials, type SentWebhook, sendWebhook, type WebhookMeta } from "@enfuce-sdk/core";

export type WebhookReceiver =
  | string
  | { readonly fetch: (request: Request) => Promise<Response> }
  | ((request: Request) => Response | Promise<Response>);

export interface WebhookOptions {
  /** What the sandbox presents to your receivers: `{ username, password }` (Basic) or `{ token }`. */
  readonly credentials: Credentials;
  /** Receives `POST /v1/notification` after every state change that Enfuce notifies. */
  readonly notification?: WebhookReceiver;
  /** Receives `POST /auth` for every authorisation of the Test API's `POST /v1/authorizations/request`. */
  readonly authorisationControl?: WebhookReceiver;
  /**
   * Milliseconds the sandbox waits for your authorisation decision; after that it stands in and
   * decides itself (balance and card checks). The docs set no limit. Default 1000.
   */
  readonly authorisationTimeoutMs?: number;
  /** How often a notification is sent until your receiver acknowledges it (2xx). Default 3. */
  readonly notificationAttempts?: number;
}

// Any loopback URL: an in-process receiver never sees it as a host, only its path.
const IN_PROCESS_URL = "http://127.0.0.1";

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** Sends one webhook call; throws the core's TimeoutError or ConnectionError when there is no answer. */
export function deliver(
  meta: WebhookMeta,
  receiver: WebhookReceiver,
  credentials: Credentials,
  payload: unknown,
  timeoutMs: number,
): Promise<SentWebhook> {
  if (typeof receiver === "string")
    return sendWebhook(meta, { url: receiver, credentials, payload, timeout: timeoutMs });
  const handle = typeof receiver === "function" ? receiver : receiver.fetch.bind(receiver);
  // An in-process receiver that ignores the request's signal must still not outlast the timeout.
  const fetch = async (request: Request) => Promise.race([handle(request), rejectOnAbort(request.signal)]);
  return sendWebhook(meta, { url: IN_PROCESS_URL, credentials, payload, timeout: timeoutMs, fetch });
}

export function checkReceiver(name: string, receiver: unknown): void {
  if (receiver === undefined) return;
  const ok =
    typeof receiver === "string" ||
    typeof receiver === "function" ||
    (typeof receiver === "object" &&
      receiver !== null &&
      typeof (receiver as { fetch?: unknown }).fetch === "function");
  if (!ok) {
    throw new TypeError(
      `webhooks: ${name} must be a URL, a receiver with a fetch method, or a (request) => response function`,
    );
  }
  if (typeof receiver === "string") {
    let url: URL;
    try {
      url = new URL(receiver);
    } catch {
      throw new TypeError(`webhooks: ${name} must be an absolute URL such as http://127.0.0.1:3000`);
    }
    if (url.username || url.password)
      throw new TypeError(`webhooks: ${name} must not contain credentials; pass them as credentials`);
  }
}
