// Shared by the receiver tests of every webhook domain: a real HTTP server on 127.0.0.1 around a
// handler, a raw client that can send what Enfuce never would, and a fuzzing property.
import { Agent, createServer, type IncomingHttpHeaders, type RequestListener, request } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { beforeEach, expect } from "vitest";

/** HTTP Basic credentials, as the receivers take them. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** What `serve` needs of a webhook handler: its node:http listener (the core's `WebhookHandler.node`). */
export interface NodeHandler {
  readonly node: RequestListener;
}

export const credentials: BasicCredentials = { username: "enfuce-webhook", password: "Wh-Pa55:not-for-answers" };
export const basic = ({ username, password }: BasicCredentials) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
/** What no answer may ever contain: the password, the header value, a stack frame. */
const FORBIDDEN = [credentials.password, basic(credentials).slice("Basic ".length)];
const STACK_FRAME = /\bat .+:\d+:\d+/;

export interface RunningReceiver {
  readonly url: string;
  /** Keep-alive connections, up to `sockets` at once, for load tests. */
  agent(sockets: number): Agent;
  close(): Promise<void>;
}

export async function serve(handler: NodeHandler): Promise<RunningReceiver> {
  const server = createServer(handler.node);
  const agents: Agent[] = [];
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    agent(sockets) {
      const agent = new Agent({ keepAlive: true, maxSockets: sockets });
      agents.push(agent);
      return agent;
    },
    async close() {
      for (const agent of agents) agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  readonly json: unknown;
  readonly ms: number;
}

export interface PostOptions {
  /** An object is sent as JSON; a string or Buffer as is. */
  readonly body?: unknown;
  /** Default: `credentials`; null sends no Authorization header. */
  readonly authorization?: string | null;
  /** Default: application/json; null sends none. */
  readonly contentType?: string | null;
  /** Sends the body in chunks without a Content-Length. */
  readonly chunked?: boolean;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly agent?: Agent;
}

export function post(url: string, path: string, options: PostOptions = {}): Promise<Reply> {
  const { body, chunked = false, method = "POST" } = options;
  const payload =
    body === undefined
      ? Buffer.alloc(0)
      : typeof body === "string" || Buffer.isBuffer(body)
        ? body
        : JSON.stringify(body);
  const headers: Record<string, string> = { ...options.headers };
  const authorization = options.authorization === undefined ? basic(credentials) : options.authorization;
  if (authorization !== null) headers.authorization = authorization;
  const contentType = options.contentType === undefined ? "application/json" : options.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  if (!chunked) headers["content-length"] = String(Buffer.byteLength(payload));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const call = request(`${url}${path}`, { method, headers, agent: options.agent ?? false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text,
          json,
          ms: performance.now() - started,
        });
      });
    });
    call.on("error", reject);
    if (chunked) {
      const text = Buffer.from(payload);
      for (let offset = 0; offset < text.length; offset += 16 * 1024)
        call.write(text.subarray(offset, offset + 16 * 1024));
      call.end();
    } else {
      call.end(payload);
    }
  });
}

/** The secrets or stack frames an answer gives away; empty when it gives away none. */
export function leaksIn(text: string): string[] {
  const found = FORBIDDEN.filter((secret) => text.includes(secret));
  return STACK_FRAME.test(text) ? [...found, "a stack frame"] : found;
}

/** `example` with arbitrary values put at arbitrary places, and arbitrary members added. */
function mutationsOf(example: unknown): fc.Arbitrary<unknown> {
  const leaves: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    leaves.push(path);
    if (typeof value !== "object" || value === null) return;
    for (const [key, child] of Object.entries(value)) walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
  };
  walk(example, []);
  return fc
    .tuple(fc.constantFrom(...leaves), fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }))
    .map(([path, value, extra]) => {
      const copy = structuredClone(example) as Record<string | number, unknown>;
      if (path.length === 0) return value;
      let node = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path.at(-1) as string | number] = value;
      return typeof copy === "object" && copy !== null && !Array.isArray(copy) ? { ...extra, ...copy } : copy;
    });
}

export interface FuzzTarget {
  readonly url: string;
  readonly path: string;
  readonly example: unknown;
  readonly successStatus: number;
  readonly maxBodyBytes: number;
  readonly runs?: number;
}

/**
 * Sends random calls (payloads, credentials, media types, sizes) over one keep-alive connection.
 * @returns every call whose answer was not one of success/400/401/413/415 or that leaked something
 */
export async function fuzz(target: FuzzTarget): Promise<string[]> {
  const allowed = new Set([target.successStatus, 400, 401, 413, 415]);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const failures: string[] = [];
  const bodies = fc.oneof(
    { weight: 4, arbitrary: mutationsOf(target.example) },
    fc.jsonValue(),
    fc.string(),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    fc.constant("x".repeat(target.maxBodyBytes + 1)),
  );
  const authorizations = fc.oneof(
    { weight: 8, arbitrary: fc.constant(basic(credentials)) },
    fc.constant(null),
    fc.constant(basic({ ...credentials, password: `${credentials.password}x` })),
    fc.string().filter((text) => /^[\t\x20-\x7e]*$/.test(text)),
  );
  const contentTypes = fc.oneof(
    { weight: 8, arbitrary: fc.constant("application/json") },
    fc.constantFrom(
      "application/json; charset=utf-8",
      "text/plain",
      "application/xml",
      "application/json; charset=latin1",
    ),
    fc.constant(null),
  );
  try {
    await fc.assert(
      fc.asyncProperty(
        bodies,
        authorizations,
        contentTypes,
        fc.boolean(),
        async (body, authorization, contentType, chunked) => {
          const reply = await post(target.url, target.path, { body, authorization, contentType, chunked, agent });
          const leaks = leaksIn(reply.text);
          if (!allowed.has(reply.status) || leaks.length > 0) {
            failures.push(`${reply.status} ${leaks.join(", ")} for ${JSON.stringify(body)?.slice(0, 200)}`);
          }
          return true;
        },
      ),
      { numRuns: target.runs ?? 300 },
    );
  } finally {
    agent.destroy();
  }
  return failures;
}

/**
 * What a handler reports through `onError`, emptied before each test: pass `record` as `onError`,
 * read `list`, and `await reported(n)` for reports that come after the answer was sent.
 */
export function errorLog<Reported>() {
  const list: Reported[] = [];
  beforeEach(() => {
    list.length = 0;
  });
  return {
    list,
    record: (error: Reported) => {
      list.push(error);
    },
    async reported(count: number): Promise<Reported[]> {
      await expect.poll(() => list.length).toBeGreaterThanOrEqual(count);
      return list;
    },
  };
}
