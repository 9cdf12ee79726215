// `sandbox.listen()`: the same engine behind a real HTTP server on 127.0.0.1 and a free port, for
// code that does not take a fetch function, or runs in another process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Outcome } from "./engine/engine";
import { toResponse } from "./response";

const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(incoming: IncomingMessage): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toRequest(incoming: IncomingMessage, body: Buffer, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const hasBody = body.length > 0 && method !== "GET" && method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method,
    headers,
    signal,
    ...(hasBody && { body: new Uint8Array(body) }),
  });
}

async function write(outgoing: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, headers);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

export class SandboxServer {
  readonly #server: Server;
  #origin: string | undefined;

  constructor(handle: (request: Request) => Promise<Outcome>) {
    this.#server = createServer((incoming, outgoing) => {
      const aborted = new AbortController();
      outgoing.on("close", () => {
        if (!outgoing.writableFinished) aborted.abort(new Error("the client closed the connection"));
      });
      void (async () => {
        const body = await readBody(incoming);
        if (body === "too-large") {
          outgoing.writeHead(413, { "content-type": "application/json", connection: "close" });
          outgoing.end(JSON.stringify({ code: 413, message: "Payload too large: at most 1 MiB" }));
          return;
        }
        const outcome = await handle(toRequest(incoming, body, this.#origin ?? "http://127.0.0.1", aborted.signal));
        if ("drop" in outcome) {
          incoming.socket.destroy();
          return;
        }
        await write(outgoing, toResponse(outcome.answer));
      })().catch(() => {
        // The client left (abort) or the socket broke: nothing is left to answer.
        if (!outgoing.headersSent) incoming.socket.destroy();
      });
    });
  }

  /** Starts listening (once) on 127.0.0.1; resolves to the origin, `http://127.0.0.1:<port>`. */
  async listen(port = 0): Promise<string> {
    if (this.#origin) return this.#origin;
    await new Promise<void>((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port, "127.0.0.1", () => {
        this.#server.off("error", reject);
        resolve();
      });
    });
    this.#origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.#origin;
  }

  get origin(): string | undefined {
    return this.#origin;
  }

  async close(): Promise<void> {
    if (!this.#origin) return;
    this.#origin = undefined;
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
