import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createEnfuceClient } from "../src/client";
import { ConnectionError, RequestAbortedError, TimeoutError } from "../src/errors";
import { Connections } from "../src/transport/connections";
import { createFetchTransport } from "../src/transport/fetch";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const servers: Server[] = [];

async function serve(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => handler(req, res, body));
  });
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

const json = (res: ServerResponse, status: number, value: unknown) => {
  const text = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
};

const spec = {
  domain: "test",
  serverUrl: "https://integration-api-cat2.{environment}.ext.{realm}.cia.enfuce.com",
  operations: {},
};
const clientOptions = { credentials: { username: "user", password: "transport-secret" }, auditUser: "tester" };

describe("keep-alive transport", () => {
  const transport = createFetchTransport(new Connections());

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
    const response = await transport(
      new Request(`${url}/things?x=1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "ä" }),
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.json()).toEqual({
      method: "POST",
      length: String(Buffer.byteLength('{"name":"ä"}')),
      type: "application/json",
      body: '{"name":"ä"}',
    });
  });

  it("keeps connections alive between sequential requests", async () => {
    const { url, server } = await serve((_req, res) => json(res, 200, { ok: true }));
    let connections = 0;
    server.on("connection", () => {
      connections++;
    });
    // undici opens a second socket while the first is still finishing its answer, as Node's fetch does.
    for (let i = 0; i < 10; i++) await (await transport(new Request(url))).json();
    expect(connections).toBeLessThanOrEqual(2);
  });

  it("streams a large body of unknown length", async () => {
    const chunk = "x".repeat(64 * 1024);
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.end();
    });
    const response = await transport(new Request(url));
    expect((await response.text()).length).toBe(40 * chunk.length);
  });

  it("answers HEAD and 204 with no body", async () => {
    const { url } = await serve((req, res) => {
      if (req.method === "HEAD") return json(res, 200, { ignored: true });
      res.writeHead(204);
      res.end();
    });
    const head = await transport(new Request(url, { method: "HEAD" }));
    expect([head.status, head.body]).toEqual([200, null]);
    const empty = await transport(new Request(url, { method: "DELETE" }));
    expect([empty.status, empty.body]).toEqual([204, null]);
  });

  it("follows a redirect to another origin without the Authorization header", async () => {
    const target = await serve((req, res) => json(res, 200, { authorization: req.headers.authorization ?? null }));
    const { url } = await serve((_req, res) => {
      res.writeHead(302, { location: `${target.url}/landed` });
      res.end();
    });
    const response = await transport(new Request(url, { headers: { authorization: "Basic c2VjcmV0" } }));
    expect(await response.json()).toEqual({ authorization: null });
  });

  it("refuses a redirect when the request's redirect mode is error", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(307, { location: "/elsewhere" });
      res.end();
    });
    await expect(transport(new Request(url, { redirect: "error" }))).rejects.toBeInstanceOf(TypeError);
  });

  it("rejects with the signal's reason when aborted while waiting for the answer", async () => {
    let arrived: () => void = () => {};
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const { url } = await serve(() => arrived());
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const pending = transport(new Request(url, { signal: controller.signal }));
    await requestArrived;
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it("fails the body read with the signal's reason when aborted after the headers", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"partial":');
    });
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const response = await transport(new Request(url, { signal: controller.signal }));
    const reading = response.text();
    controller.abort(reason);
    await expect(reading).rejects.toBe(reason);
  });

  it("keeps the socket error's code for a refused connection", async () => {
    const { url, server } = await serve(() => {});
    server.close();
    await once(server, "close");
    const failure = await transport(new Request(url)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as { cause: { code: string } }).cause.code).toBe("ECONNREFUSED");
  });

  it("keeps undici's code when the connection breaks mid-answer", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("partial");
      res.socket?.destroy();
    });
    const failure = await transport(new Request(url)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as { cause: { code: string } }).cause.code).toBe("UND_ERR_SOCKET");
  });
});

describe("the client on the default transport", () => {
  it("tells a timeout from the caller's abort", async () => {
    const { url } = await serve(() => {});
    const client = createEnfuceClient(
      { ...clientOptions, baseUrl: url, maxRetries: 0, timeout: 50, logLevel: "off" as const },
      spec,
    );
    await expect(client.GET("/slow" as never)).rejects.toBeInstanceOf(TimeoutError);

    const controller = new AbortController();
    const call = client.GET("/slow" as never, { signal: controller.signal, timeout: 10_000 } as never);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it("retries a POST whose connection was refused, because it provably never left", async () => {
    const { url, server } = await serve(() => {});
    server.close();
    await once(server, "close");
    const messages: string[] = [];
    const client = createEnfuceClient(
      {
        ...clientOptions,
        baseUrl: url,
        maxRetries: 1,
        retryBackoff: { initialDelayMs: 1 },
        logLevel: "info",
        logger: { error() {}, warn() {}, debug() {}, info: (message: string) => messages.push(message) },
      } as never,
      spec,
    );
    const failure = await client.POST("/payments" as never, { body: { amount: 1 } } as never).catch((e) => e);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect(failure.message).toContain("before the request was sent");
    expect(failure.attempts).toBe(2);
    expect(JSON.stringify([failure, failure.message, messages])).not.toContain("transport-secret");
  });

  it.each([
    ["ESM", "module", "const { createEnfuceClient } = await import(BUILD);", "../dist/index.mjs"],
    ["CJS", "commonjs", "const { createEnfuceClient } = require(BUILD);", "../dist/index.js"],
  ])(
    "%s build: undici loads on the first request, not before; the script then exits on its own",
    async (_name, inputType, load, file) => {
      const { url } = await serve((_req, res) => json(res, 200, { ok: true }));
      const built = JSON.stringify(fileURLToPath(new URL(file, import.meta.url)));
      // undici is CommonJS, so it shows in require.cache whichever way our build was loaded.
      const script = `(async () => {
      const cache = process.getBuiltinModule("node:module").createRequire(${built}).cache;
      const undiciLoaded = () => Object.keys(cache).some((path) => path.includes("/undici/"));
      ${load.replace("BUILD", built)}
      const client = createEnfuceClient(${JSON.stringify({ ...clientOptions, baseUrl: url })}, ${JSON.stringify(spec)});
      const beforeCall = undiciLoaded();
      const { data } = await client.GET("/ping");
      console.log(JSON.stringify({ beforeCall, afterCall: undiciLoaded(), data }));
    })();`;
      const child = spawn(process.execPath, [`--input-type=${inputType}`, "-e", script], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => {
        output += chunk;
      });
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(JSON.parse(output)).toEqual({ beforeCall: false, afterCall: true, data: { ok: true } });
    },
    // A fresh Node process loading the build: seconds on a busy 2-core machine.
    60_000,
  );
});
