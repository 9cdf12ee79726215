// Both ways the default transport sends (src/transport/): fetch-shaped for calls that need a
// Request, and direct for the rest. They keep the same promises: connections kept alive, bodies of
// any size, credentials dropped on a redirect to another origin, the caller's abort reason, and
// fetch's TypeError whose `cause` keeps the socket's code (the retry policy reads it).
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterEach, describe, expect, it } from "vitest";
import { Connections } from "../src/transport/connections";
import { AttemptTimedOut } from "../src/transport/deadline";
import { sendDirect } from "../src/transport/direct";
import { createFetchTransport } from "../src/transport/fetch";
import { closedUrl, closeServers, json, serve } from "./support/serve";

afterEach(closeServers);

interface SendInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}
/** The whole answer, however the transport delivers it. */
interface Received {
  readonly status: number;
  readonly header: (name: string) => string | null;
  readonly setCookies: readonly string[];
  readonly text: string;
}

const connections = new Connections();
const fetchTransport = createFetchTransport(connections);

const transports = [
  {
    name: "fetch-shaped",
    async send(url: string, init: SendInit = {}): Promise<Received> {
      const response = await fetchTransport(new Request(url, init));
      const text = await response.text();
      const { headers } = response;
      return { status: response.status, header: (name) => headers.get(name), setCookies: headers.getSetCookie(), text };
    },
  },
  {
    name: "direct",
    async send(url: string, { method = "GET", headers = {}, body, signal }: SendInit = {}): Promise<Received> {
      const { following } = await connections.load();
      const { origin, pathname, search } = new URL(url);
      const flat = Object.entries(headers).flatMap(([name, value]) => [name.toLowerCase(), value]);
      const reply = await sendDirect(
        following,
        { origin, path: pathname + search, method, headers: flat, body },
        30_000,
        signal,
      );
      const header = (name: string) => {
        const value = reply.headers[name];
        return value === undefined ? null : [value].flat().join(", ");
      };
      const cookies = reply.headers["set-cookie"];
      return {
        status: reply.status,
        header,
        setCookies: cookies === undefined ? [] : [cookies].flat(),
        text: reply.text,
      };
    },
  },
];

/** Calls `action` once undici has the answer's headers, whichever transport asked. */
function onHeaders(action: () => void): () => void {
  const listener = () => action();
  subscribe("undici:request:headers", listener);
  return () => unsubscribe("undici:request:headers", listener);
}

describe.each(transports)("$name", ({ send }) => {
  it("sends method, headers and body, and returns status, headers and body", async () => {
    const { url } = await serve((req, res, body) => {
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      json(res, 201, {
        method: req.method,
        length: req.headers["content-length"],
        type: req.headers["content-type"],
        body,
      });
    });
    const received = await send(`${url}/things?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "ä" }),
    });
    expect(received.status).toBe(201);
    expect(received.setCookies).toEqual(["a=1", "b=2"]);
    expect(JSON.parse(received.text)).toEqual({
      method: "POST",
      length: String(Buffer.byteLength('{"name":"ä"}')),
      type: "application/json",
      body: '{"name":"ä"}',
    });
  });

  it("keeps connections alive between sequential requests", async () => {
    const { url, server } = await serve((_req, res) => json(res, 200, { ok: true }));
    let opened = 0;
    server.on("connection", () => {
      opened++;
    });
    // undici opens a second socket while the first is still finishing its answer, as Node's fetch does.
    for (let i = 0; i < 10; i++) await send(url);
    expect(opened).toBeLessThanOrEqual(2);
  });

  it("reads a large body of unknown length", async () => {
    const chunk = "x".repeat(64 * 1024);
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.end();
    });
    expect((await send(url)).text.length).toBe(40 * chunk.length);
  });

  it("answers HEAD and 204 with no body", async () => {
    const { url } = await serve((req, res) => {
      if (req.method === "HEAD") return json(res, 200, { ignored: true });
      res.writeHead(204);
      res.end();
    });
    const head = await send(url, { method: "HEAD" });
    expect([head.status, head.text]).toEqual([200, ""]);
    const empty = await send(url, { method: "DELETE" });
    expect([empty.status, empty.text]).toEqual([204, ""]);
  });

  it("follows a redirect to another origin without the Authorization header", async () => {
    const target = await serve((req, res) => json(res, 200, { authorization: req.headers.authorization ?? null }));
    const { url } = await serve((_req, res) => {
      res.writeHead(302, { location: `${target.url}/landed` });
      res.end();
    });
    const received = await send(url, { headers: { authorization: "Basic c2VjcmV0" } });
    expect(JSON.parse(received.text)).toEqual({ authorization: null });
  });

  it("rejects with the signal's reason when aborted while waiting for the answer", async () => {
    let arrived: () => void = () => {};
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const { url } = await serve(() => arrived());
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const pending = send(url, { signal: controller.signal });
    await requestArrived;
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it("rejects with the signal's reason when aborted after the headers, while the body is read", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"partial":');
    });
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const stopListening = onHeaders(() => controller.abort(reason));
    try {
      await expect(send(url, { signal: controller.signal })).rejects.toBe(reason);
    } finally {
      stopListening();
    }
  });

  it("keeps the socket error's code for a refused connection", async () => {
    const failure = await send(await closedUrl()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as { cause: { code: string } }).cause.code).toBe("ECONNREFUSED");
  });

  it("keeps undici's code when the connection breaks mid-answer", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("partial");
      res.socket?.destroy();
    });
    const failure = await send(url).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as { cause: { code: string } }).cause.code).toBe("UND_ERR_SOCKET");
  });
});

describe("fetch-shaped only", () => {
  it("refuses a redirect when the request's redirect mode is error", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(307, { location: "/elsewhere" });
      res.end();
    });
    await expect(fetchTransport(new Request(url, { redirect: "error" }))).rejects.toBeInstanceOf(TypeError);
  });
});

describe("direct only", () => {
  const wireTo = (url: string) => ({
    origin: new URL(url).origin,
    path: "/",
    method: "GET",
    headers: [],
    body: undefined,
  });

  it.each([
    ["before the headers", (_res: unknown) => {}],
    [
      "while the body is read",
      (res: import("node:http").ServerResponse) => {
        res.writeHead(200, { "content-length": "100" });
        res.write("partial");
      },
    ],
  ])("rejects with AttemptTimedOut when its timeout runs out %s", async (_when, answer) => {
    const { url } = await serve((_req, res) => answer(res));
    const { following } = await connections.load();
    await expect(sendDirect(following, wireTo(url), 50, undefined)).rejects.toBeInstanceOf(AttemptTimedOut);
  });

  it("sends nothing when the caller's signal was aborted before", async () => {
    let arrived = 0;
    const { url } = await serve((_req, res) => {
      arrived++;
      json(res, 200, {});
    });
    const { following } = await connections.load();
    const reason = new Error("already");
    await expect(sendDirect(following, wireTo(url), 1000, AbortSignal.abort(reason))).rejects.toBe(reason);
    await sendDirect(following, wireTo(url), 1000, undefined);
    expect(arrived).toBe(1);
  });
});
