// The published builds and OpenTelemetry as an optional peer: both builds trace through the API the
// application registered; without the API installed nothing tries to load it at import time and
// calls work; an application bundled with esbuild traces with no node_modules beside it.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FaultServer, reply, startFaultServer } from "@enfuce-sdk/test-kit/fault-server";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, test } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const ESM = JSON.stringify(join(packageDir, "dist/index.mjs"));
const CJS = JSON.stringify(join(packageDir, "dist/index.js"));
const SPEC = JSON.stringify({ domain: "ping", serverUrl: "", operations: { "GET /ping": { operationId: "ping" } } });

let server: FaultServer;
let scratch: string;
beforeAll(async () => {
  server = await startFaultServer();
  server.script("GET /ping", reply.json(200, { ok: true }));
  scratch = mkdtempSync(join(tmpdir(), "enfuce-otel-"));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await server.close();
});

const clientOptions = () =>
  JSON.stringify({ baseUrl: server.url, credentials: { token: "otel-token" }, auditUser: "a" });

/** Runs `file` (or a CommonJS script) with node in `cwd`; resolves to its stdout lines. */
async function run(args: readonly string[], cwd: string): Promise<string[]> {
  const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  const [code] = await once(child, "exit");
  expect(code).toBe(0);
  return output.trim().split("\n");
}

// A fresh Node process loading a build: seconds on a busy 2-core machine.
const SPAWN_TIMEOUT = 60_000;

test(
  "both builds trace through the provider the application registered with its own copy of the API",
  async () => {
    const script = `(async () => {
      const { trace, SpanKind } = require("@opentelemetry/api");
      const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require("@opentelemetry/sdk-trace-base");
      const exporter = new InMemorySpanExporter();
      trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
      for (const build of [require(${CJS}), await import(${ESM})]) {
        const { data } = await build.createEnfuceClient(${clientOptions()}, ${SPEC}).GET("/ping");
        console.log(JSON.stringify(data));
      }
      const calls = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.CLIENT);
      console.log(JSON.stringify(calls.map((span) => [span.name, span.attributes["enfuce.domain"]])));
    })();`;

    const lines = await run(["--input-type=commonjs", "-e", script], packageDir);

    expect(lines).toEqual([
      '{"ok":true}',
      '{"ok":true}',
      JSON.stringify([
        ["GET /ping", "ping"],
        ["GET /ping", "ping"],
      ]),
    ]);
  },
  SPAWN_TIMEOUT,
);

test(
  "without the API installed: importing a build never asks for it, and calls work untraced",
  async () => {
    // Module resolution that answers as if the package were not installed (a hook for import(),
    // a wrapper of CommonJS resolution for require) and tells the script each time it is asked.
    const hook = `let port;
      export function initialize(data) { port = data.port; }
      export async function resolve(specifier, context, next) {
        port.postMessage(specifier);
        if (specifier === "@opentelemetry/api") {
          throw Object.assign(new Error("Cannot find package '@opentelemetry/api'"), { code: "ERR_MODULE_NOT_FOUND" });
        }
        return next(specifier, context);
      }`;
    const script = `(async () => {
      const Module = require("node:module");
      const { MessageChannel } = require("node:worker_threads");
      const asked = [];
      const resolveFilename = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        asked.push(request);
        if (request === "@opentelemetry/api") throw Object.assign(new Error("Cannot find module"), { code: "MODULE_NOT_FOUND" });
        return resolveFilename.call(this, request, ...rest);
      };
      const { port1, port2 } = new MessageChannel();
      port1.on("message", (specifier) => asked.push(specifier));
      port1.unref();
      Module.register("data:text/javascript," + encodeURIComponent(${JSON.stringify(hook)}), { data: { port: port2 }, transferList: [port2] });
      const askedFor = async (marker) => {
        const url = "data:text/javascript,export default " + JSON.stringify(marker);
        await import(url);
        while (!asked.includes(url)) await new Promise((r) => setTimeout(r, 5));
        return asked.splice(0).filter((specifier) => specifier === "@opentelemetry/api").length;
      };
      const builds = [require(${CJS}), await import(${ESM})];
      console.log("asked at import: " + (await askedFor(1)));
      for (const build of builds) {
        for (let call = 0; call < 2; call++) {
          const { data } = await build.createEnfuceClient(${clientOptions()}, ${SPEC}).GET("/ping");
          console.log(JSON.stringify(data));
        }
      }
      console.log("asked by four calls: " + (await askedFor(2)));
    })();`;

    const lines = await run(["--input-type=commonjs", "-e", script], packageDir);

    // One failed attempt per build a process loads, whatever the number of clients and calls.
    expect(lines).toEqual([
      "asked at import: 0",
      '{"ok":true}',
      '{"ok":true}',
      '{"ok":true}',
      '{"ok":true}',
      "asked by four calls: 2",
    ]);
  },
  SPAWN_TIMEOUT,
);

test(
  "an application bundled with esbuild traces, with no node_modules beside the bundle",
  async () => {
    const entry = join(scratch, "app.mjs");
    writeFileSync(
      entry,
      `import { trace, SpanKind } from "@opentelemetry/api";
      import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
      import { createEnfuceClient } from ${ESM};
      const exporter = new InMemorySpanExporter();
      trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
      createEnfuceClient(${clientOptions()}, ${SPEC}).GET("/ping").then(({ data }) => {
        console.log(JSON.stringify(data));
        console.log(exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.CLIENT).map((span) => span.name).join());
      });`,
    );
    // CommonJS out, as most Node bundles are: the SDK's OpenTelemetry packages require Node built-ins.
    const outfile = join(scratch, "bundle.cjs");
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile,
      nodePaths: [join(packageDir, "node_modules")],
      logLevel: "error",
    });

    expect(await run([outfile], scratch)).toEqual(['{"ok":true}', "GET /ping"]);
  },
  SPAWN_TIMEOUT,
);
