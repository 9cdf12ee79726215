// A scripted HTTP server on 127.0.0.1 that answers each route with a queue of replies, including
// the failures a real network produces, and records every request it receives. `useFaultServer()`
// gives a test file one, started, cleared and closed by vitest hooks.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";

export type Reply =
  | { readonly kind: "json"; readonly status: number; readonly body: unknown; readonly headers: Headers }
  | { readonly kind: "text"; readonly status: number; readonly body: string; readonly headers: Headers }
  | { readonly kind: "empty"; readonly status: number }
  | { readonly kind: "empty-chunked"; readonly status: number }
  | { readonly kind: "delay"; readonly ms: number; readonly then: Reply }
  | { readonly kind: "reset-before-headers" }
  | { readonly kind: "reset-after-headers" }
  | { readonly kind: "truncated" }
  | { readonly kind: "stalled-body" };
type Headers = Readonly<Record<string, string>>;

// A body long enough that its first half is never mistaken for a whole JSON document.
const PARTIAL_BODY = JSON.stringify({ id: "item-1", status: "OPEN", reference: "x".repeat(64) });

export const reply = {
  json: (status: number, body: unknown = {}, headers: Headers = {}): Reply => ({ kind: "json", status, body, headers }),
  text: (status: number, body: string, contentType = "text/plain"): Reply => ({
    kind: "text",
    status,
    body,
    headers: { "content-type": contentType },
  }),
  /** A status with no body at all (204, or an empty 200). */
  empty: (status: number): Reply => ({ kind: "empty", status }),
  /** A status whose body is chunked and has no chunk: no Content-Length says it is empty. */
  emptyChunked: (status: number): Reply => ({ kind: "empty-chunked", status }),
  retryAfter: (value: string, status = 429): Reply => ({
    kind: "json",
    status,
    body: { message: "slow down" },
    headers: { "retry-after": value },
  }),
  /** Waits before answering; the wait ends early if the client goes away. */
  delay: (ms: number, then: Reply = reply.json(200, { id: "late" })): Reply => ({ kind: "delay", ms, then }),
  /** TCP reset as soon as the request arrives: the client never sees a status line. */
  resetBeforeHeaders: (): Reply => ({ kind: "reset-before-headers" }),
  /** Status, headers and part of the body, then a TCP reset once the test calls `resetHeld()`. */
  resetAfterHeaders: (): Reply => ({ kind: "reset-after-headers" }),
  /** A 200 whose connection closes cleanly before the announced Content-Length arrived. */
  truncated: (): Reply => ({ kind: "truncated" }),
  /** A 200 that sends part of its body and then nothing more, keeping the connection open. */
  stalledBody: (): Reply => ({ kind: "stalled-body" }),
};

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** `performance.now()` when the request had fully arrived. */
  readonly receivedAt: number;
}

/** `"METHOD /path"`, the path as received, without the query. */
export type Route = `${string} /${string}`;
type Handler = (request: RecordedRequest, index: number) => Reply;

export interface FaultServer {
  readonly url: string;
  /** Answers the route's requests with these replies in order; the last one repeats. */
  script(route: Route, ...replies: readonly [Reply, ...Reply[]]): void;
  /** Answers the route's requests with whatever the handler decides. */
  handle(route: Route, handler: Handler): void;
  requests(route: Route): readonly RecordedRequest[];
  count(route: Route): number;
  /** Resets every connection held open by `reply.resetAfterHeaders()`. */
  resetHeld(): void;
  /** Forgets scripts and recorded requests, for the next test. */
  clear(): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const handlers = new Map<string, Handler>();
  const recorded = new Map<string, RecordedRequest[]>();
  const held = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const route = `${req.method} ${url.pathname}`;
      const request: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: performance.now(),
      };
      const list = recorded.get(route) ?? [];
      list.push(request);
      recorded.set(route, list);
      const handler = handlers.get(route);
      const answer = handler
        ? handler(request, list.length - 1)
        : reply.json(501, { message: `the fault server has no script for ${route}` });
      play(answer, res, held);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    script(route, ...replies) {
      handlers.set(route, (_, index) => replies[Math.min(index, replies.length - 1)] as Reply);
    },
    handle(route, handler) {
      handlers.set(route, handler);
    },
    requests: (route) => recorded.get(route) ?? [],
    count: (route) => recorded.get(route)?.length ?? 0,
    resetHeld() {
      for (const socket of held) socket.resetAndDestroy();
      held.clear();
    },
    clear() {
      handlers.clear();
      recorded.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/**
 * The fault server of one test file: started before its first test, cleared after each, closed after
 * the last. Every member reads the running server, so tests use it as they would `startFaultServer`'s.
 */
export function useFaultServer(): FaultServer {
  let running: FaultServer | undefined;
  beforeAll(async () => {
    running = await startFaultServer();
  });
  afterEach(() => running?.clear());
  afterAll(() => running?.close());
  const current = (): FaultServer => {
    if (!running) throw new Error("the fault server starts before the first test: use it inside tests and hooks");
    return running;
  };
  return {
    get url() {
      return current().url;
    },
    script: (route, ...replies) => current().script(route, ...replies),
    handle: (route, handler) => current().handle(route, handler),
    requests: (route) => current().requests(route),
    count: (route) => current().count(route),
    resetHeld: () => current().resetHeld(),
    clear: () => current().clear(),
    close: () => current().close(),
  };
}

function play(answer: Reply, res: ServerResponse, held: Set<Socket>): void {
  const socket = res.socket as Socket;
  switch (answer.kind) {
    case "json": {
      const body = JSON.stringify(answer.body);
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers }).end(body);
      return;
    }
    case "text":
      res.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    case "empty":
      res.writeHead(answer.status, { "content-length": "0" }).end();
      return;
    case "empty-chunked":
      res.writeHead(answer.status, { "transfer-encoding": "chunked" }).flushHeaders();
      res.end();
      return;
    case "delay": {
      const timer = setTimeout(() => play(answer.then, res, held), answer.ms);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    case "reset-before-headers":
      socket.resetAndDestroy();
      return;
    case "reset-after-headers":
      writePartialBody(res);
      held.add(socket);
      return;
    case "truncated":
      writePartialBody(res);
      socket.end();
      return;
    case "stalled-body":
      writePartialBody(res);
      return;
  }
}

function writePartialBody(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/json", "content-length": String(PARTIAL_BODY.length) });
  res.write(PARTIAL_BODY.slice(0, PARTIAL_BODY.length / 2));
}

/** A URL on 127.0.0.1 where nothing listens: connecting to it is refused before anything is sent. */
export async function refusingUrl(): Promise<string> {
  const server = await startFaultServer();
  await server.close();
  return server.url;
}
