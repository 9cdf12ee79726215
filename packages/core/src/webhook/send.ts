// Plays Enfuce's part against your own receiver: posts a documented example (or your payload) with
// your credentials, so an endpoint can be tried locally before Enfuce calls it.
import { authorization, type Credentials } from "../auth";
import { serializePath } from "../encoding";
import { checkedBaseUrl } from "../environment";
import { ConfigurationError, ConnectionError, TimeoutError } from "../errors";
import { parseJsonOrText, readsAsJson } from "../json";
import { checkTimeout } from "../options";
import type { WebhookMeta } from "./types";

const DEFAULT_SEND_TIMEOUT_MS = 30_000;

export interface SendWebhookOptions<Payload, ExampleName extends PropertyKey = string> {
  /** Base URL of your receiver (https, or http to localhost/127.0.0.1); the webhook's path is appended. */
  readonly url: string;
  readonly credentials: Credentials;
  /** The body to send. Default: the documented example named `example`, else the first one. */
  readonly payload?: Payload;
  readonly example?: ExampleName;
  /** Path parameter values; default: the documented examples. */
  readonly params?: Readonly<Record<string, string>>;
  /** Extra headers; the documented required ones (such as `X-WarmUp`) are sent already. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Milliseconds to wait for the answer. Default 30 000. */
  readonly timeout?: number;
  readonly fetch?: (input: Request) => Promise<Response>;
}

export interface SentWebhook {
  readonly status: number;
  /** The answer's body: parsed JSON, else text; undefined when empty. */
  readonly body: unknown;
  readonly headers: Headers;
  /** How long the receiver took, to compare with the documented limit (`timeoutMs` of the webhook). */
  readonly durationMs: number;
}

function payloadOf(meta: WebhookMeta, options: SendWebhookOptions<unknown, PropertyKey>): unknown {
  if (options.payload !== undefined) return options.payload;
  const names = Object.keys(meta.requestExamples);
  const name = options.example === undefined ? names[0] : String(options.example);
  if (name === undefined || !(name in meta.requestExamples)) {
    throw new ConfigurationError(
      `${meta.operationId} has no documented example ${JSON.stringify(name)}; known: ${names.join(", ") || "none"}`,
    );
  }
  return meta.requestExamples[name];
}

/** The receiver's answer: JSON by the shared rule, else (or when it does not parse) the text itself. */
function parseBody(text: string, response: Response): unknown {
  if (!readsAsJson(response.headers.get("content-type"))) return text === "" ? undefined : text;
  return parseJsonOrText(text);
}

export async function sendWebhook(
  meta: WebhookMeta,
  options: SendWebhookOptions<unknown, PropertyKey>,
): Promise<SentWebhook> {
  if (typeof options !== "object" || options === null) throw new ConfigurationError("options are required");
  const base = checkedBaseUrl(options.url);
  const path = serializePath(meta.path, { ...meta.parameterExamples, ...options.params });
  const timeout = checkTimeout(options.timeout ?? DEFAULT_SEND_TIMEOUT_MS, "timeout");
  const request = new Request(`${base}${path}`, {
    method: meta.method,
    headers: {
      ...meta.headers,
      ...options.headers,
      "content-type": "application/json",
      authorization: authorization(options.credentials).header,
    },
    body: JSON.stringify(payloadOf(meta, options)),
    signal: AbortSignal.timeout(timeout),
  });
  const context = { method: meta.method, path: meta.path, attempts: 1 };
  const started = performance.now();
  try {
    const response = await (options.fetch ?? fetch)(request);
    const text = await response.text();
    return {
      status: response.status,
      body: parseBody(text, response),
      headers: response.headers,
      durationMs: performance.now() - started,
    };
  } catch (cause) {
    if (request.signal.aborted) throw new TimeoutError(`no complete answer within ${timeout} ms`, context);
    throw new ConnectionError("the receiver could not be reached", context, { cause });
  }
}
